package org.guanjia.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * The texts of an upload field, translated: the caller names the keys that depend on what is
 * uploaded (add, drop, too many, wrong type, processing); the rest are the shared
 * {@code upload.*} keys.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component c, String addKey, String dropKey, String tooManyKey,
            String wrongTypeKey, String processingKey) {
        UploadI18N i = new UploadI18N();
        i.setAddFiles(new UploadI18N.AddFiles().setOne(c.getTranslation(addKey))
                .setMany(c.getTranslation(addKey)));
        i.setDropFiles(new UploadI18N.DropFiles().setOne(c.getTranslation(dropKey))
                .setMany(c.getTranslation(dropKey)));
        i.setError(new UploadI18N.Error().setTooManyFiles(c.getTranslation(tooManyKey))
                .setFileIsTooBig(c.getTranslation("upload.tooBig"))
                .setIncorrectFileType(c.getTranslation(wrongTypeKey)));
        i.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(c.getTranslation("upload.connecting"))
                        .setStalled(c.getTranslation("upload.stalled"))
                        .setProcessing(c.getTranslation(processingKey))
                        .setHeld(c.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(c.getTranslation("upload.remaining"))
                        .setUnknown(c.getTranslation("upload.unknownTime")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(c.getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(c.getTranslation("upload.serverError"))
                        .setForbidden(c.getTranslation("upload.forbidden"))));
        i.setFile(new UploadI18N.File().setRetry(c.getTranslation("upload.retry"))
                .setStart(c.getTranslation("upload.start"))
                .setRemove(c.getTranslation("upload.remove")));
        i.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i;
    }
}
