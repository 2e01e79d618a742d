package dev.baton.customer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Customers kept in step with WeCom's external contacts (客户) and customer group chats (客户群), for the wecom
 * module's sync and callbacks. Every method is idempotent: the same WeCom facts twice change nothing the second
 * time (no version bump, no audit entry).
 *
 * <p>WeCom owns a contact's name, company, phone and tags: a sync writes one of them only when WeCom's value differs
 * from what WeCom said last time (kept on the link), so an edit made in Baton stays until WeCom's own value changes;
 * tags are merged (WeCom's added tags join, WeCom's removed tags leave, Baton's own tags stay). The owner is set
 * only while blank. Level, region and everything else are Baton's and never written by a sync.
 */
public interface CustomerSync {

    /** What a call did to the customer or its link. */
    enum Change {
        CREATED,
        UPDATED,
        UNCHANGED,
        UNLINKED
    }

    /**
     * An external contact as WeCom describes it.
     *
     * @param company the contact's corp, or else a follower's remark of it
     * @param phone the first of the followers' remark mobiles, when one is a phone number
     * @param tags the followers' tag names
     * @param followers the WeCom user ids of the employees who added the contact, earliest first: the first who is
     *     a Baton user becomes the owner of a customer without one
     */
    record Contact(
            String externalUserId,
            String name,
            @Nullable String company,
            @Nullable String phone,
            List<String> tags,
            List<String> followers) {
        public Contact {
            tags = List.copyOf(tags);
            followers = List.copyOf(followers);
        }
    }

    /**
     * A customer group chat.
     *
     * @param owner the WeCom user id of the group's owner (群主, always an employee)
     * @param externalMembers the external_userids of its external members
     */
    record GroupChat(String chatId, String name, @Nullable String owner, List<String> externalMembers) {
        public GroupChat {
            externalMembers = List.copyOf(externalMembers);
        }
    }

    /**
     * Creates the customer of a new external contact or applies what WeCom changed; a contact marked gone is linked
     * again.
     *
     * @param run the full sync run that saw it (it marks the link), or 0 for a callback
     */
    Change contact(long tenantId, Contact contact, long run);

    /** WeCom no longer knows the contact: its link is marked removed; the customer and its tickets stay. */
    Change contactGone(long tenantId, String externalUserId);

    /**
     * Links a group chat: a chat already linked stays with its customer (only its name is refreshed); a new chat goes
     * to the one customer its external members are linked to, or, when they belong to none or to several, to a new
     * customer named after the chat (owned by the group owner's Baton user).
     *
     * @param run as for {@link #contact}
     */
    Change groupChat(long tenantId, GroupChat chat, long run);

    /** The chat was dismissed: its link is marked removed; the customer stays. */
    Change groupChatGone(long tenantId, String chatId);

    /** Whether this full sync run already handled the contact (an external contact appears once per follower). */
    boolean contactSeen(long tenantId, String externalUserId, long run);

    /**
     * After a complete run: marks every link of kind contact and group chat that the run did not see as removed.
     *
     * @return how many links were marked
     */
    int sweep(long tenantId, long run);
}
