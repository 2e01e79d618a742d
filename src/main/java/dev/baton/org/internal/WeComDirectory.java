package dev.baton.org.internal;

import dev.baton.org.DirectorySync;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** {@link DirectorySync} over its two halves, {@link WeComDepartments} and {@link WeComMembers}. */
@Service
class WeComDirectory implements DirectorySync {

    private final WeComDepartments departments;
    private final WeComMembers members;

    WeComDirectory(WeComDepartments departments, WeComMembers members) {
        this.departments = departments;
        this.members = members;
    }

    @Override
    public Result upsertDepartment(long tenantId, Department department) {
        return this.departments.upsert(tenantId, department);
    }

    @Override
    public Result upsertMember(long tenantId, Member member) {
        return this.members.upsert(tenantId, member);
    }

    @Override
    public Optional<Department> department(long tenantId, long weComId) {
        return this.departments.find(tenantId, weComId);
    }

    @Override
    public Optional<Member> member(long tenantId, String userId) {
        return this.members.find(tenantId, userId);
    }

    @Override
    public boolean renameMember(long tenantId, String fromUserId, String toUserId) {
        return this.members.rename(tenantId, fromUserId, toUserId);
    }

    @Override
    public boolean deactivateMember(long tenantId, String userId) {
        return this.members.deactivate(tenantId, userId);
    }

    @Override
    public int deactivateMissing(long tenantId, Set<String> present) {
        return this.members.deactivateMissing(tenantId, present);
    }

    @Override
    public Deletion deleteDepartment(long tenantId, long weComId) {
        return this.departments.delete(tenantId, weComId);
    }
}
