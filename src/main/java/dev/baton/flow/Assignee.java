package dev.baton.flow;

/** Who handles a task or approves: one record per {@link AssigneeStrategy}. */
public sealed interface Assignee {

    AssigneeStrategy strategy();

    /** A named user. */
    record User(long userId) implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.USER;
        }
    }

    /** Any user holding the role (one of them claims the work). */
    record Role(String roleCode) implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.ROLE;
        }
    }

    /** Any member of the department. */
    record Department(long departmentId) implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.DEPARTMENT;
        }
    }

    /** The leader of the creator's department, {@code level} steps up (1 is the direct leader). */
    record DepartmentLeader(int level) implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.DEPARTMENT_LEADER;
        }
    }

    /** Whoever submitted the ticket. */
    record Creator() implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.CREATOR;
        }
    }

    /** The user named in a template field of type {@code user}. */
    record Field(String fieldKey) implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.FIELD;
        }
    }

    /** The tenant's assignment rules (round robin, skills, load) decide at run time. */
    record Rules() implements Assignee {
        @Override
        public AssigneeStrategy strategy() {
            return AssigneeStrategy.RULES;
        }
    }
}
