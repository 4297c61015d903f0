package org.guanjia.patrol.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.guanjia.base.ui.UploadTexts;

/**
 * The optional photo of a finding: the phone's camera or gallery (images only, size-limited in
 * the browser; the server checks the content again), kept in memory until the finding is saved.
 */
class PhotoField extends Div implements HasValidation {

    private final Upload upload;
    private final Span error = new Span();
    private byte[] photo;

    PhotoField(String id, long maxBytes) {
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> photo = bytes));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setI18n(UploadTexts.of(upload, "photo.add", "photo.drop", "photo.tooMany", "photo.wrongType",
                "photo.processing"));
        upload.addFileRemovedListener(e -> photo = null);
        upload.setWidthFull();
        setId(id + "-field");
        error.setId(id + "-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        add(upload, error);
        setWidthFull();
    }

    byte[] photo() {
        return photo;
    }

    /** For tests and re-use: the bytes as if uploaded. */
    void setPhoto(byte[] bytes) {
        photo = bytes;
    }

    void clear() {
        photo = null;
        upload.clearFileList();
        setInvalid(false);
    }

    @Override
    public void setErrorMessage(String message) {
        error.setText(message == null ? "" : message);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
