package org.guanjia.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.base.Role;
import org.guanjia.estate.Building;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BuildingsViewTest extends KaribuTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;

    String p;

    @BeforeEach
    void open() {
        p = "K" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        login("admin1", Role.ADMIN, null);
        UI.getCurrent().navigate("buildings");
    }

    @SuppressWarnings("unchecked")
    private Grid<Building> grid() {
        return _get(Grid.class, s -> s.withId("buildings-grid"));
    }

    @SuppressWarnings("unchecked")
    private void fillAndSave(String code, String cluster, String name) {
        _setValue(_get(TextField.class, s -> s.withId("code-field")), code);
        _setValue(_get(ComboBox.class, s -> s.withId("cluster-field")), cluster);
        _setValue(_get(TextField.class, s -> s.withId("name-field")), name);
        _click(_get(Button.class, s -> s.withId("save-button")));
    }

    private boolean gridHas(String code, String name) {
        Grid<Building> g = grid();
        for (int i = 0; i < GridKt._size(g); i++) {
            Building b = GridKt._get(g, i);
            if (b.code().equals(code) && b.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_new_building_is_saved_and_listed() {
        _click(_get(Button.class, s -> s.withId("new-button")));
        fillAndSave(p + "B9", p + "C1", "Block Nine");
        assertThat(gridHas(p + "B9", "Block Nine")).isTrue();
        assertThat(estates.buildings(p + "C1")).extracting(Building::code).contains(p + "B9");
    }

    @Test
    void a_duplicate_code_is_shown_on_the_code_field_and_nothing_is_saved() {
        _click(_get(Button.class, s -> s.withId("new-button")));
        fillAndSave(p + "C1-B1", p + "C2", "Copy");
        TextField code = _get(TextField.class, s -> s.withId("code-field"));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).contains("already used");
        assertThat(estates.buildings(p + "C2")).extracting(Building::name).doesNotContain("Copy");
    }

    @Test
    void a_required_field_left_empty_is_marked_and_nothing_is_saved() {
        _click(_get(Button.class, s -> s.withId("new-button")));
        fillAndSave(p + "B8", p + "C1", "");
        assertThat(_get(TextField.class, s -> s.withId("name-field")).isInvalid()).isTrue();
        assertThat(estates.buildings(p + "C1")).extracting(Building::code).doesNotContain(p + "B8");
    }

    @Test
    void editing_a_building_changes_its_name() {
        Grid<Building> g = grid();
        Building first = estates.buildings(p + "C1").get(0);
        g.select(first);
        // a click on the row opens the edit dialog
        GridKt._clickItem(g, indexOf(g, first.code()));
        TextField code = _get(TextField.class, s -> s.withId("code-field"));
        assertThat(code.isReadOnly()).isTrue();
        _setValue(_get(TextField.class, s -> s.withId("name-field")), "Renamed tower");
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(estates.buildings(p + "C1")).extracting(Building::name).contains("Renamed tower");
    }

    private static int indexOf(Grid<Building> g, String code) {
        for (int i = 0; i < GridKt._size(g); i++) {
            if (GridKt._get(g, i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("not in grid: " + code);
    }
}
