/**
 * The WeCom (企业微信) adapter over WxJava: application messages to users ({@link dev.baton.wecom.WeComGateway},
 * the installation's corp from {@code baton.wecom.*} until sending moves to the per-tenant settings), each tenant's
 * own corp settings with the secrets sealed ({@code /api/v1/wecom/settings}, with "test connection"), and the
 * callback address {@code /wecom/callback/<tenant>}: verified, decrypted, kept once, and processed afterwards
 * (template-card "accept" presses accept the ticket, {@link dev.baton.wecom.CardKeys}; external contact and customer
 * group chat changes update customers through {@code customer.CustomerSync}, as does the full sync at {@code
 * /api/v1/wecom/sync/customers}; contact changes update the organisation), and "sync directory": WeCom's departments
 * and members mirrored through {@code org.DirectorySync}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "ticket", "org", "customer"})
package dev.baton.wecom;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
