package org.guanjia.patrol.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.PATROL_FINDINGS;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.patrol.Patrol;
import org.guanjia.patrol.PatrolChecklistService;
import org.guanjia.patrol.PatrolService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The patrol form and the checklist screen: save and validation on the field, without a browser. */
@Import(TestClock.Config.class)
class PatrolViewsTest extends KaribuTest {

    @Autowired
    PatrolService patrols;
    @Autowired
    PatrolChecklistService checklist;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;

    @BeforeEach
    void given_an_estate_and_a_cleaning_department() {
        p = "PV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values("D-BJ-" + p, "Cleaning " + p, "cleaning").execute();
        clock.set(LocalDateTime.of(2025, 5, 6, 10, 0));
    }

    private String startPatrol() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("patrols");
        _click(_get(Button.class, s -> s.withId("start-patrol-button")));
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("patrols/PT-");
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath().substring("patrols/".length());
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void a_finding_without_description_or_with_a_non_image_is_refused_on_the_field_then_saved() throws Exception {
        String no = startPatrol();
        _click(_get(Button.class, s -> s.withId("issue-cleanliness")));
        // the department comes from the item's kind
        assertThat((String) _get(Select.class, s -> s.withId("finding-department")).getValue()).startsWith("D-BJ-");
        _get(PhotoField.class, s -> s.withId("finding-photo-field"))
                .setPhoto("not a photo".getBytes(StandardCharsets.US_ASCII));
        _click(_get(Button.class, s -> s.withId("save-finding-button")));
        assertThat(_get(TextArea.class, s -> s.withId("finding-description")).isInvalid()).isTrue();
        assertThat(_get(PhotoField.class, s -> s.withId("finding-photo-field")).isInvalid()).isTrue();
        assertThat(_get(Span.class, s -> s.withId("finding-photo-error")).getText()).contains("JPEG");
        assertThat(dsl.fetchCount(PATROL_FINDINGS, PATROL_FINDINGS.PATROL_NO.eq(no))).isZero();

        _setValue(_get(TextArea.class, s -> s.withId("finding-description")), "Litter by the bins");
        _get(PhotoField.class, s -> s.withId("finding-photo-field")).setPhoto(png());
        _click(_get(Button.class, s -> s.withId("save-finding-button")));
        assertThat(dsl.fetchCount(PATROL_FINDINGS, PATROL_FINDINGS.PATROL_NO.eq(no))).isEqualTo(1);
        assertThat(dsl.fetchCount(FOLLOW_UPS, FOLLOW_UPS.SOURCE_REF.eq(no))).isEqualTo(1);
        assertThat(_find(Image.class, s -> s.withId("finding-photo-" + dsl.select(PATROL_FINDINGS.ID)
                .from(PATROL_FINDINGS).where(PATROL_FINDINGS.PATROL_NO.eq(no)).fetchOne(0, Long.class)))).hasSize(1);
        assertThat(_get(Button.class, s -> s.withId("ok-cleanliness")).isEnabled()).isFalse();
    }

    @Test
    void the_patrol_is_finished_only_when_every_item_is_recorded() {
        String no = startPatrol();
        _click(_get(Button.class, s -> s.withId("finish-button")));
        assertThat(patrols.patrol(no).map(Patrol::finishedAt)).isEmpty();

        for (var c : patrols.checklist(no)) {
            _click(_get(Button.class, s -> s.withId("ok-" + c.item().code())));
        }
        assertThat(_get(Span.class, s -> s.withId("patrol-progress")).getText()).contains("12 of 12");
        _click(_get(Button.class, s -> s.withId("finish-button")));
        assertThat(patrols.patrol(no).orElseThrow().isFinished()).isTrue();
        assertThat(_find(Button.class, s -> s.withId("finish-button"))).isEmpty();
    }

    @Test
    void a_manager_adds_a_checklist_item_and_a_bad_code_is_refused_on_the_field() {
        login("mgr", Role.MANAGER, null);
        UI.getCurrent().navigate("patrol-checklist");
        _click(_get(Button.class, s -> s.withId("new-item-button")));
        String code = "pv" + p.substring(2, 8).toLowerCase().replace('-', '_');
        _setValue(_get(TextField.class, s -> s.withId("item-code")), "Bad Code");
        _setValue(_get(Select.class, s -> s.withId("item-category")), "security_hazards");
        _setValue(_get(TextField.class, s -> s.withId("item-label-zh-cn")), "消防通道畅通");
        _setValue(_get(TextField.class, s -> s.withId("item-label-zh-tw")), "消防通道暢通");
        _setValue(_get(TextField.class, s -> s.withId("item-label-en")), "Fire exits clear");
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(_get(TextField.class, s -> s.withId("item-code")).isInvalid()).isTrue();
        assertThat(checklist.item("Bad Code")).isEmpty();

        _setValue(_get(TextField.class, s -> s.withId("item-code")), code);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(checklist.item(code)).hasValueSatisfying(i -> assertThat(i.labelEn()).isEqualTo("Fire exits clear"));
        TestUsers.signIn("mgr", Role.MANAGER, null);
        checklist.delete(code);
    }
}
