package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.guanjia.base.ui.UploadTexts;

/**
 * The optional photo of an inspection: the phone's camera or gallery (images only, size-limited
 * in the browser; the server checks the content again), kept in memory until the form is saved.
 */
class PhotoField extends CustomField<byte[]> {

    private final Upload upload;
    private byte[] photo;

    PhotoField(String id, long maxBytes) {
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresentOrElse(
                ui -> ui.access(() -> received(bytes)), () -> received(bytes))));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setI18n(UploadTexts.of(upload, "photo.add", "photo.drop", "photo.tooMany", "photo.wrongType",
                "photo.processing"));
        upload.addFileRemovedListener(e -> received(null));
        upload.setWidthFull();
        setId(id + "-field");
        setLabel(getTranslation("vacancy.field.photo"));
        add(upload);
        setWidthFull();
    }

    private void received(byte[] bytes) {
        photo = bytes;
        updateValue();
    }

    /** For tests: the bytes as if uploaded. */
    void setPhoto(byte[] bytes) {
        received(bytes);
    }

    @Override
    protected byte[] generateModelValue() {
        return photo;
    }

    @Override
    protected void setPresentationValue(byte[] v) {
        photo = v;
        if (v == null) {
            upload.clearFileList();
        }
    }
}
