package org.guanjia.notice.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;
import org.guanjia.notice.Board;
import org.guanjia.notice.Notice;
import org.guanjia.notice.NoticeForm;
import org.guanjia.notice.NoticeService;

/** Posts a notice or changes one: title, text, boards, posted and expiry dates. */
class NoticeDialog extends Dialog {

    private final NoticeService service;
    private final Consumer<Notice> onSaved;
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final MultiSelectComboBox<String> boards = new MultiSelectComboBox<>();
    private final DatePicker postedOn = new DatePicker();
    private final DatePicker expiresOn = new DatePicker();
    private final Map<String, HasValidation> fields;
    private final Button save;
    private String no;

    NoticeDialog(NoticeService service, Consumer<Notice> onSaved) {
        this.service = service;
        this.onSaved = onSaved;
        setId("notice-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        title.setLabel(getTranslation("notice.field.title"));
        title.setId("title-field");
        title.setMaxLength(200);
        body.setLabel(getTranslation("notice.field.body"));
        body.setId("body-field");
        body.setMaxLength(10_000);
        List<Board> list = service.boards(null);
        Map<String, Board> byCode = new java.util.LinkedHashMap<>();
        list.forEach(b -> byCode.put(b.code(), b));
        boards.setLabel(getTranslation("notice.field.boards"));
        boards.setId("boards-field");
        boards.setItems(byCode.keySet());
        boards.setItemLabelGenerator(c -> BoardsView.label(byCode.get(c)));
        postedOn.setLabel(getTranslation("notice.field.postedOn"));
        postedOn.setId("posted-field");
        expiresOn.setLabel(getTranslation("notice.field.expiresOn"));
        expiresOn.setId("expires-field");
        expiresOn.setHelperText(getTranslation("notice.field.expiresHelp"));
        expiresOn.setClearButtonVisible(true);
        FormLayout form = new FormLayout(title, boards, postedOn, expiresOn, body);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(title, 2);
        form.setColspan(boards, 2);
        form.setColspan(body, 2);
        add(form);
        fields = Map.of("title", title, "body", body, "boardCodes", boards, "postedOn", postedOn,
                "expiresOn", expiresOn);
        save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, save);
    }

    void openNew() {
        no = null;
        setHeaderTitle(getTranslation("notice.new"));
        title.clear();
        body.clear();
        boards.clear();
        postedOn.setValue(service.today());
        expiresOn.clear();
        setEditable(true);
        FieldErrors.clear(fields);
        open();
    }

    void openEdit(Notice n) {
        no = n.no();
        setHeaderTitle(getTranslation("notice.edit", n.no()));
        title.setValue(n.title());
        body.setValue(n.body() == null ? "" : n.body());
        boards.setValue(new LinkedHashSet<>(n.boardCodes()));
        postedOn.setValue(n.postedOn());
        expiresOn.setValue(n.expiresOn());
        setEditable(service.canWrite() && !n.isTakenDown());
        FieldErrors.clear(fields);
        open();
    }

    private void setEditable(boolean editable) {
        title.setReadOnly(!editable);
        body.setReadOnly(!editable);
        postedOn.setReadOnly(!editable);
        expiresOn.setReadOnly(!editable);
        boards.setReadOnly(!editable);
        save.setVisible(editable);
    }

    void save() {
        try {
            Notice saved = service.saveNotice(new NoticeForm(no, title.getValue(), body.getValue(),
                    postedOn.getValue(), expiresOn.getValue(), boards.getValue()), no == null);
            close();
            Notifications.saved();
            onSaved.accept(saved);
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}
