package org.guanjia.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.db.tables.records.EstatesRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BatchWriterTest {

    @Autowired
    BatchWriter writer;
    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate tx;

    private EstatesRecord estate(String code, String name, String city) {
        EstatesRecord r = dsl.newRecord(ESTATES);
        r.setEstateCode(code);
        r.setName(name);
        r.setCity(city);
        return r;
    }

    @Test
    void text_with_quotes_backslashes_and_control_characters_arrives_unchanged() {
        String p = UUID.randomUUID().toString().substring(0, 6);
        String tricky = "翠湖 \"花园\" \\ back\tslash\n= +1 ',\u001f";
        tx.executeWithoutResult(s -> writer.insert(ESTATES, List.of(estate(p + "A", tricky, null),
                estate(p + "B", "plain", "深圳"))));
        assertThat(dsl.fetchValue(ESTATES.NAME, ESTATES.ESTATE_CODE.eq(p + "A"))).isEqualTo(tricky);
        assertThat(dsl.fetchValue(ESTATES.CITY, ESTATES.ESTATE_CODE.eq(p + "A"))).isNull();
        // unset columns take their defaults, stamps are filled
        assertThat(dsl.fetchValue(ESTATES.TIMEZONE, ESTATES.ESTATE_CODE.eq(p + "B"))).isEqualTo("Asia/Shanghai");
        assertThat(dsl.fetchValue(ESTATES.CREATED_BY, ESTATES.ESTATE_CODE.eq(p + "B"))).isEqualTo("system");
    }

    @Test
    void a_bad_row_in_a_later_chunk_rolls_back_every_row() {
        String p = UUID.randomUUID().toString().substring(0, 6);
        List<EstatesRecord> rows = new ArrayList<>();
        for (int i = 0; i < BatchWriter.CHUNK + 5; i++) {
            rows.add(estate(p + "-" + i, "E" + i, null));
        }
        rows.add(estate(p + "-0", "duplicate key", null));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insert(ESTATES, rows)))
                .isInstanceOf(org.jooq.exception.DataAccessException.class).hasMessageContaining("duplicate key");
        assertThat(dsl.fetchCount(ESTATES, ESTATES.ESTATE_CODE.startsWith(p))).isZero();
    }

    @Test
    void decimals_dates_and_integers_keep_their_values() {
        String p = UUID.randomUUID().toString().substring(0, 6);
        tx.executeWithoutResult(s -> {
            writer.insert(ESTATES, List.of(estate(p + "E", "e", null)));
            dsl.execute("insert into clusters (cluster_code, estate_code, name) values (?, ?, 'c')",
                    p + "C", p + "E");
            dsl.execute("insert into buildings (building_code, cluster_code, name) values (?, ?, 'b')",
                    p + "B", p + "C");
            var u = dsl.newRecord(UNITS);
            u.setUnitCode(p + "U");
            u.setBuildingCode(p + "B");
            u.setFloor(-2);
            u.setAreaSqm(new BigDecimal("123.45"));
            u.setDeliveredOn(LocalDate.of(2024, 2, 29));
            writer.insert(UNITS, List.of(u));
        });
        var u = dsl.fetchSingle(UNITS, UNITS.UNIT_CODE.eq(p + "U"));
        assertThat(u.getAreaSqm()).isEqualByComparingTo("123.45");
        assertThat(u.getFloor()).isEqualTo(-2);
        assertThat(u.getDeliveredOn()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(u.getUnitType()).isEqualTo("residential");
    }
}
