package org.guanjia.interchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The problems of one import: every one is counted, the first {@code cap} in report order are
 * kept (a file with a million bad rows must not fill the memory).
 */
final class Problems {

    private final int cap;
    private final PriorityQueue<ImportProblem> kept; // the largest on top, to drop it
    private int count;

    Problems(int cap) {
        this.cap = cap;
        this.kept = new PriorityQueue<>(Collections.reverseOrder());
    }

    synchronized void add(String file, long row, String column, String messageKey, Object... args) {
        add(new ImportProblem(file, row, column, messageKey, args));
    }

    synchronized void add(ImportProblem p) {
        count++;
        if (kept.size() < cap) {
            kept.add(p);
        } else if (p.compareTo(kept.peek()) < 0) {
            kept.poll();
            kept.add(p);
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized boolean isEmpty() {
        return count == 0;
    }

    synchronized List<ImportProblem> sorted() {
        List<ImportProblem> list = new ArrayList<>(kept);
        Collections.sort(list);
        return list;
    }
}
