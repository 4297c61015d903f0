package org.guanjia.notice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.notice.Board;
import org.guanjia.notice.ButlerContact;
import org.guanjia.notice.NoticeService;

/**
 * The notice boards of the user's clusters (set up by supervisors and managers) and, per
 * building, the notice-board card with its butlers' 24-hour service phone as a PDF.
 */
@Route("notice-boards")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class BoardsView extends VerticalLayout {

    private final NoticeService service;
    private final EstateService estates;
    private final Grid<Board> boards = new Grid<>(Board.class, false);
    private final Grid<Map.Entry<String, String>> cards = new Grid<>();
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final EditDialog<Board> dialog;

    BoardsView(NoticeService service, EstateService estates) {
        this.service = service;
        this.estates = estates;
        setId("boards-view");
        setSizeFull();
        List<String> clusters = estates.clusters().stream().map(Cluster::code).toList();
        dialog = dialog(clusters);
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter", clusters, this::refresh);
        ListToolbar bar = new ListToolbar(t -> { }).filters(clusterFilter);
        bar.search().setVisible(false);
        if (service.canSetUp()) {
            bar.newButton("new-board-button", () -> dialog.open(getTranslation("notice.board.new"),
                    new Board(null, clusterFilter.getValue(), null, null), true));
        }
        H3 cardsTitle = new H3(getTranslation("notice.card.heading"));
        H3 boardsTitle = new H3(getTranslation("notice.boards"));
        add(bar, cardsTitle, cards(), boardsTitle, boards());
        refresh();
    }

    static String label(Board b) {
        if (b == null) {
            return "";
        }
        return b.code() + (b.location() == null ? "" : " · " + b.location());
    }

    private Grid<Map.Entry<String, String>> cards() {
        cards.setId("cards-grid");
        cards.setAllRowsVisible(true);
        cards.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        cards.addColumn(e -> e.getValue() + " (" + e.getKey() + ")").setHeader(getTranslation("field.building"))
                .setFlexGrow(2);
        var butlers = cards.addColumn(e -> butlers(e.getKey())).setHeader(getTranslation("field.butler")).setFlexGrow(3);
        cards.addComponentColumn(e -> download(e.getKey())).setKey("card").setHeader(getTranslation("notice.card.pdf"))
                .setAutoWidth(true).setFlexGrow(0);
        Responsive.hideOnPhone(cards, List.of(butlers));
        return cards;
    }

    private String butlers(String buildingCode) {
        List<ButlerContact> list = service.butlersOfBuilding(buildingCode);
        return String.join(", ", list.stream().map(b -> b.name() + " "
                + (b.servicePhone() == null ? "—" : b.servicePhone())).toList());
    }

    private Component download(String buildingCode) {
        StreamResource resource = new StreamResource("card-" + buildingCode + ".pdf",
                () -> new ByteArrayInputStream(service.cardPdf(buildingCode, getLocale())));
        resource.setContentType("application/pdf");
        Anchor a = new Anchor(resource, "");
        a.add(VaadinIcon.DOWNLOAD_ALT.create());
        a.add(" " + getTranslation("notice.card.pdf"));
        a.getElement().setAttribute("download", true);
        a.setId("card-" + buildingCode);
        return a;
    }

    private Grid<Board> boards() {
        boards.setId("boards-grid");
        boards.setAllRowsVisible(true);
        boards.addThemeVariants(GridVariant.LUMO_COMPACT);
        boards.addColumn(Board::code).setHeader(getTranslation("field.code")).setAutoWidth(true);
        var cluster = boards.addColumn(Board::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        boards.addColumn(Board::buildingCode).setHeader(getTranslation("field.building")).setAutoWidth(true);
        boards.addColumn(Board::location).setHeader(getTranslation("notice.field.location")).setFlexGrow(2);
        Responsive.hideOnPhone(boards, List.of(cluster));
        if (service.canSetUp()) {
            boards.addItemClickListener(e -> dialog.open(getTranslation("notice.board.edit", e.getItem().code()),
                    e.getItem(), false));
        }
        return boards;
    }

    private EditDialog<Board> dialog(List<String> clusters) {
        Binder<Board> binder = new Binder<>(Board.class);
        TextField code = new TextField(getTranslation("field.code"));
        code.setId("code-field");
        code.setMaxLength(32);
        ComboBox<String> cluster = new ComboBox<>(getTranslation("field.cluster"));
        cluster.setId("cluster-field");
        cluster.setItems(clusters);
        ComboBox<String> building = new ComboBox<>(getTranslation("field.building"));
        building.setId("building-field");
        building.setClearButtonVisible(true);
        cluster.addValueChangeListener(e -> building.setItems(e.getValue() == null ? List.of()
                : estates.buildings(e.getValue()).stream().map(Building::code).toList()));
        TextField location = new TextField(getTranslation("notice.field.location"));
        location.setId("location-field");
        location.setMaxLength(200);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(cluster).asRequired(getTranslation("validation.required")).bind("clusterCode");
        binder.forField(building).bind("buildingCode");
        binder.forField(location).bind("location");
        return new EditDialog<>("board", binder, new FormLayout(code, cluster, building, location),
                (b, isNew) -> service.saveBoard(b, isNew), b -> refresh()) {
            @Override
            public void open(String title, Board record, boolean isNew) {
                code.setReadOnly(!isNew);
                super.open(title, record, isNew);
            }
        };
    }

    private void refresh() {
        boards.setItems(service.boards(clusterFilter.getValue()));
        cards.setItems(service.buildings(clusterFilter.getValue()).entrySet().stream().toList());
    }
}
