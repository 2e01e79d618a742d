package dev.baton.wecom.internal;

import dev.baton.customer.CustomerSync;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo;
import me.chanjar.weixin.cp.bean.external.contact.ExternalContact;
import me.chanjar.weixin.cp.bean.external.contact.FollowedUser;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads one external contact ({@code externalcontact/get}, every page of its followers) or one customer group chat
 * ({@code externalcontact/groupchat/get}) from WeCom, with {@link WeComCalls}' retries, as the facts {@link
 * CustomerSync} keeps. The full sync and the callbacks both read through here, so they agree on every fact.
 */
@Component
class WeComCustomers {

    /** 84061 "not an external contact" (nobody in the corp has it any more), 40096 invalid external userid. */
    private static final Set<Integer> NO_SUCH_CONTACT = Set.of(84061, 40096);
    /** A contact with more followers than this many pages of them is read only as far (WeCom pages by 500). */
    private static final int MAX_FOLLOWER_PAGES = 20;

    private static final int EXTERNAL_MEMBER = 2;

    private final WeComCalls calls;

    WeComCustomers(WeComCalls calls) {
        this.calls = calls;
    }

    /** The contact, or empty when WeCom no longer knows it. */
    Optional<CustomerSync.Contact> contact(WxCpService wx, String externalUserId) throws WxErrorException {
        ExternalContact contact = null;
        List<FollowedUser> followers = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_FOLLOWER_PAGES; page++) {
            String at = cursor;
            WxCpExternalContactInfo info;
            try {
                info = this.calls.call(
                        "externalcontact/get",
                        () -> wx.getExternalContactService().getContactDetail(externalUserId, at));
            } catch (WxErrorException e) {
                if (NO_SUCH_CONTACT.contains(e.getError().getErrorCode())) {
                    return Optional.empty();
                }
                throw e;
            }
            if (contact == null) {
                contact = info.getExternalContact();
            }
            if (info.getFollowedUsers() != null) {
                followers.addAll(info.getFollowedUsers());
            }
            cursor = info.getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        if (contact == null || followers.isEmpty()) {
            return Optional.empty();
        }
        followers.sort(Comparator.comparing((FollowedUser f) -> f.getCreateTime() == null ? 0L : f.getCreateTime())
                .thenComparing(f -> String.valueOf(f.getUserId())));
        String company = firstNonBlank(contact.getCorpFullName(), contact.getCorpName());
        String phone = null;
        List<String> tags = new ArrayList<>();
        for (FollowedUser f : followers) {
            company = company != null ? company : firstNonBlank(f.getRemarkCorpName(), f.getRemarkCompany());
            if (phone == null && f.getRemarkMobiles() != null) {
                for (String m : f.getRemarkMobiles()) {
                    if (phone == null && m != null && !m.isBlank()) {
                        phone = m.strip();
                    }
                }
            }
            if (f.getTags() != null) {
                for (FollowedUser.Tag t : f.getTags()) {
                    if (t.getTagName() != null && !tags.contains(t.getTagName())) {
                        tags.add(t.getTagName());
                    }
                }
            }
        }
        return Optional.of(new CustomerSync.Contact(
                externalUserId,
                contact.getName() == null ? "" : contact.getName(),
                company,
                phone,
                tags,
                followers.stream()
                        .map(FollowedUser::getUserId)
                        .filter(u -> u != null)
                        .toList()));
    }

    CustomerSync.GroupChat groupChat(WxCpService wx, String chatId) throws WxErrorException {
        WxCpUserExternalGroupChatInfo info = this.calls.call(
                "externalcontact/groupchat/get",
                () -> wx.getExternalContactService().getGroupChat(chatId, 1));
        var chat = info.getGroupChat();
        List<String> external = chat.getMemberList() == null
                ? List.of()
                : chat.getMemberList().stream()
                        .filter(m -> m.getType() == EXTERNAL_MEMBER && m.getUserId() != null)
                        .map(WxCpUserExternalGroupChatInfo.GroupMember::getUserId)
                        .toList();
        return new CustomerSync.GroupChat(
                chatId, chat.getName() == null ? "" : chat.getName(), chat.getOwner(), external);
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
