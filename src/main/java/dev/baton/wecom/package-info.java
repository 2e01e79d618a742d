/**
 * The WeCom (企业微信) adapter over WxJava: today only application messages to users
 * ({@link dev.baton.wecom.WeComGateway}), with the access token cached by WxJava. Per-tenant settings come later;
 * the corp id, agent id, secret and API address are configuration ({@code baton.wecom.*}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform"})
package dev.baton.wecom;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
