package dev.baton.wecom.internal;

import dev.baton.org.DirectorySync.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * What one "sync directory" did, as {@code POST /api/v1/wecom/sync/directory} answers.
 *
 * @param failed departments, users and member lists that could not be applied or read
 * @param failures why, for the first few
 */
record SyncCounts(Departments departments, Users users, int failed, List<String> failures) {

    record Departments(int created, int updated, int unchanged) {}

    record Users(int created, int updated, int unchanged, int deactivated) {}

    /** One line for the audit trail. */
    String summary() {
        return "departments +" + this.departments.created() + " ~" + this.departments.updated() + " ="
                + this.departments.unchanged() + "; users +" + this.users.created() + " ~" + this.users.updated()
                + " =" + this.users.unchanged() + " -" + this.users.deactivated() + "; failed " + this.failed;
    }

    /** Counts as a sync goes along. */
    static final class Tally {

        private final int[] departments = new int[3];
        private final int[] users = new int[3];
        private int deactivated;
        private final List<String> failures = new ArrayList<>();

        void department(Change change) {
            this.departments[slot(change)]++;
        }

        void user(Change change) {
            this.users[slot(change)]++;
        }

        private static int slot(Change change) {
            return switch (change) {
                case CREATED -> 0;
                case UPDATED -> 1;
                case UNCHANGED -> 2;
            };
        }

        void deactivated(int count) {
            this.deactivated += count;
        }

        void fail(String why) {
            this.failures.add(why);
        }

        SyncCounts result(int shown) {
            return new SyncCounts(
                    new Departments(this.departments[0], this.departments[1], this.departments[2]),
                    new Users(this.users[0], this.users[1], this.users[2], this.deactivated),
                    this.failures.size(),
                    List.copyOf(this.failures.subList(0, Math.min(shown, this.failures.size()))));
        }
    }
}
