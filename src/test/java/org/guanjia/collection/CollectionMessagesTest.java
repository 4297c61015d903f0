package org.guanjia.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guanjia.base.i18n.Messages;
import org.guanjia.followup.FollowUp;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The labels the collection and follow-up views build from codes ("collect.method." + method)
 * exist in every language; I18nBundlesTest cannot see keys built at run time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectionMessagesTest {

    @Test
    void every_code_shown_on_screen_has_a_label_in_every_language() {
        List<String> keys = new ArrayList<>();
        CollectionAction.METHODS.forEach(m -> keys.add("collect.method." + m));
        CollectionAction.REASONS.forEach(r -> keys.add("collect.reason." + r));
        for (CollectionStep s : CollectionStep.values()) {
            keys.add("collect.step." + s.code());
        }
        List.of("todo", "done", "all").forEach(v -> keys.add("collect.calendar.show." + v));
        FollowUp.STATUSES.forEach(s -> keys.add("followup.status." + s));
        FollowUp.SOURCES.forEach(s -> keys.add("followup.source." + s));
        Messages messages = new Messages();
        for (Locale locale : Messages.LOCALES) {
            assertThat(keys).allSatisfy(k ->
                    assertThat(messages.getTranslation(k, locale)).as(k + " " + locale).doesNotStartWith("!"));
        }
        assertThat(keys).hasSize(5 + 7 + 5 + 3 + 4 + 9);
    }

    @Test
    void the_letter_speaks_three_languages() {
        Messages messages = new Messages();
        assertThat(messages.getTranslation("collect.letter.title", Messages.SIMPLIFIED)).isEqualTo("律师函");
        assertThat(messages.getTranslation("collect.letter.title", Messages.TRADITIONAL)).isEqualTo("律師函");
        assertThat(messages.getTranslation("collect.letter.title", Messages.ENGLISH)).isEqualTo("Lawyer's letter");
        assertThat(messages.getTranslation("collect.letter.dialogTitle", Messages.ENGLISH, "U-1"))
                .isEqualTo("Lawyer's letter for U-1");
    }
}
