package org.guanjia.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A lawyer's letter (律师函) to the owner of a unit with overdue statements, with the late fee
 * (滞纳金). A draft (preview) has no number.
 *
 * @param principal    sum of the lines' outstanding
 * @param lateFee      sum of the lines' late fees (each rounded to the cent)
 * @param rate         late fee per day, a fraction
 * @param startDays    the late fee runs from this many days after the due date
 * @param lines        oldest first; empty for letters recorded without their lines (demo data)
 */
public record LawyerLetter(String letterNo, String unitCode, String staffCode, LocalDate sentOn,
        BigDecimal principal, BigDecimal lateFee, BigDecimal rate, Integer startDays,
        String status, List<LetterLine> lines) {

    public LawyerLetter {
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return principal.add(lateFee);
    }
}
