package org.guanjia.hostile;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.notice.Board;
import org.guanjia.notice.Notice;
import org.guanjia.notice.NoticeForm;
import org.guanjia.notice.NoticeService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Issue 10 point 5: markup stored by a user comes back as text. The complaint list and detail,
 * the notice board list and editor, and the owner list show {@code <script>} and
 * {@code <img onerror>} literally: the characters are in the text of the components, no
 * component is {@link Html} and no element carries an {@code innerHTML} property.
 */
@Import(TestClock.Config.class)
class HostileDisplayTest extends KaribuTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final LocalDateTime NOW = LocalDateTime.of(2025, 7, 14, 10, 0);

    @Autowired
    ComplaintService complaints;
    @Autowired
    NoticeService notices;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    TestClock clock;

    String p;
    String u1;

    @BeforeEach
    void given_markup_in_a_complaint_a_notice_and_an_owner() {
        clock.set(NOW);
        p = "HD" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        TestUsers.signIn("hd-manager", Role.MANAGER, p + "S1");
        complaints.intake(new NewComplaint(u1, null, "phone", "noise", SCRIPT + " " + IMG));
        notices.saveBoard(new Board(p + "BD", p + "C1", null, IMG), true);
        notices.saveNotice(new NoticeForm(null, SCRIPT + p, IMG, NOW.toLocalDate(), LocalDate.of(2025, 8, 1),
                Set.of(p + "BD")), true);
        estates.saveOwner(new Owner(p + "O1", u1, IMG + p, "13800000000", false, false, SCRIPT, false,
                LocalDate.of(2024, 1, 1)), true);
        TestUsers.signOut();
        login("hd-admin", Role.ADMIN, p + "S1");
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_complaint_list_and_detail_show_markup_as_text() {
        UI.getCurrent().navigate("complaints");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), u1);
        Grid<Object> grid = _get(Grid.class, s -> s.withId("complaints-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).anySatisfy(cell -> assertThat(cell).contains(SCRIPT));
        assertInert(UI.getCurrent());

        GridKt._clickItem(grid, 0);
        Dialog detail = _get(Dialog.class, s -> s.withId("complaint-dialog"));
        assertThat(textOf(detail)).contains(SCRIPT, IMG);
        assertInert(detail);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_notice_list_and_editor_show_markup_as_text() {
        UI.getCurrent().navigate("notices");
        Grid<Notice> grid = _get(Grid.class, s -> s.withId("notices-grid"));
        List<Notice> mine = rows(grid).stream().filter(n -> n.title().endsWith(p)).toList();
        assertThat(mine).hasSize(1);
        Component titleCell = ((ComponentRenderer<?, Notice>) grid.getColumns().get(0).getRenderer())
                .createComponent(mine.get(0));
        assertThat(textOf(titleCell)).contains(SCRIPT + p);
        assertInert(titleCell);
        assertInert(UI.getCurrent());

        GridKt._clickItem(grid, rows(grid).indexOf(mine.get(0)));
        Dialog editor = _get(Dialog.class, s -> s.withId("notice-dialog"));
        assertThat(_get(editor, TextField.class, s -> s.withId("title-field")).getValue()).isEqualTo(SCRIPT + p);
        assertInert(editor);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_owner_list_shows_markup_as_text() {
        UI.getCurrent().navigate("owners");
        Grid<Owner> grid = _get(Grid.class, s -> s.withId("owners-grid"));
        List<Owner> all = rows(grid);
        int row = all.indexOf(all.stream().filter(o -> o.code().equals(p + "O1")).findFirst().orElseThrow());
        assertThat(GridKt._getFormattedRow(grid, row)).contains(IMG + p);
        assertInert(UI.getCurrent());
    }

    private static <T> List<T> rows(Grid<T> g) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(g); i++) {
            rows.add(GridKt._get(g, i));
        }
        return rows;
    }

    /** The text of a component and all its children, as the browser would show it. */
    static String textOf(Component c) {
        return c.getElement().getTextRecursively() + " " + values(c.getElement());
    }

    private static String values(Element e) {
        StringBuilder sb = new StringBuilder();
        if (e.hasProperty("value")) {
            sb.append(e.getProperty("value")).append(' ');
        }
        e.getChildren().forEach(ch -> sb.append(values(ch)));
        return sb.toString();
    }

    /** No element under the root is raw HTML: no Html component, no innerHTML, no script tag. */
    static void assertInert(Component root) {
        List<String> bad = new ArrayList<>();
        walk(root.getElement(), bad);
        root.getChildren().forEach(c -> collectHtml(c, bad));
        assertThat(bad).isEmpty();
    }

    private static void collectHtml(Component c, List<String> bad) {
        if (c instanceof Html) {
            bad.add("Html component " + c);
        }
        c.getChildren().forEach(ch -> collectHtml(ch, bad));
    }

    private static void walk(Element e, List<String> bad) {
        if (e.isTextNode()) {
            return; // text is inert by construction
        }
        if ("script".equalsIgnoreCase(e.getTag()) || "img".equalsIgnoreCase(e.getTag())) {
            bad.add("a <" + e.getTag() + "> element");
        }
        if (e.hasProperty("innerHTML")) {
            bad.add("innerHTML on <" + e.getTag() + ">");
        }
        e.getChildren().forEach(ch -> walk(ch, bad));
    }
}
