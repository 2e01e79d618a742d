/**
 * Customers (客户): name, company, level (basic / standard / VIP), region, tags, phone, owner, and the WeCom external
 * contacts and group chats that are theirs; duplicate detection by phone and WeCom id, and merging. Other modules
 * read a customer's routing facts through {@link dev.baton.customer.CustomerDirectory}; a merge is announced as
 * {@link dev.baton.customer.CustomerMerged} so the tickets follow. The wecom module keeps customers in step with WeCom's
 * external contacts and group chats through {@link dev.baton.customer.CustomerSync}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db"})
package dev.baton.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
