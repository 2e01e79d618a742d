package dev.baton.notify.internal;

import java.util.Map;

/** The zh-CN texts every tenant starts with, per event; each channel gets them (SMS with a prefix and the link). */
final class DefaultTemplates {

    record Text(String subject, String body) {}

    private static final Map<String, Text> BY_EVENT = Map.ofEntries(
            Map.entry(
                    "created",
                    new Text("工单已创建：{{ticket.number}}", "工单「{{ticket.title}}」（{{ticket.number}}）已创建，我们会尽快处理。")),
            Map.entry("assigned", new Text("新工单待处理：{{ticket.number}}", "工单「{{ticket.title}}」已分派给您，请及时处理。")),
            Map.entry(
                    "reminder",
                    new Text(
                            "工单即将超时：{{ticket.number}}",
                            "工单「{{ticket.title}}」的{{sla.metric}}将于 {{sla.dueAt}} 到期，请尽快处理。")),
            Map.entry(
                    "breached",
                    new Text("工单已超时：{{ticket.number}}", "工单「{{ticket.title}}」的{{sla.metric}}已于 {{sla.dueAt}} 超时。")),
            Map.entry(
                    "escalated_l1",
                    new Text(
                            "工单超时一级升级：{{ticket.number}}",
                            "工单「{{ticket.title}}」的{{sla.metric}}已超时（截止 {{sla.dueAt}}），已升级给您，请督办。")),
            Map.entry(
                    "escalated_l2",
                    new Text(
                            "工单超时二级升级：{{ticket.number}}",
                            "工单「{{ticket.title}}」的{{sla.metric}}已超时（截止 {{sla.dueAt}}），已升级给您，请督办。")),
            Map.entry(
                    "escalated_l3",
                    new Text(
                            "工单超时三级升级：{{ticket.number}}",
                            "工单「{{ticket.title}}」的{{sla.metric}}已超时（截止 {{sla.dueAt}}），已升级给您，请督办。")),
            Map.entry("approved", new Text("审批已通过：{{ticket.number}}", "{{actor.name}}通过了工单「{{ticket.title}}」的审批。")),
            Map.entry("rejected", new Text("审批被驳回：{{ticket.number}}", "{{actor.name}}驳回了工单「{{ticket.title}}」的审批。")),
            Map.entry(
                    "commented",
                    new Text(
                            "{{actor.name}}在工单中提到了您：{{ticket.number}}",
                            "{{actor.name}}在工单「{{ticket.title}}」的评论中提到了您。")),
            Map.entry("closed", new Text("工单已关闭：{{ticket.number}}", "工单「{{ticket.title}}」已关闭。")),
            Map.entry("urged", new Text("工单催办：{{ticket.number}}", "{{actor.name}}催办了工单「{{ticket.title}}」，请尽快处理。")),
            Map.entry(
                    "pool_unclaimed",
                    new Text(
                            "工单池无人接单：{{ticket.number}}",
                            "工单「{{ticket.title}}」在工单池中等待已超过 {{pool.waitedMinutes}} 分钟（按工作时间计），仍无人接单，请尽快派单。")),
            Map.entry("automation", new Text("工单通知：{{ticket.number}}", "{{automation.message}}")));

    private DefaultTemplates() {}

    static Text of(String event, Channel channel) {
        Text text = BY_EVENT.get(event);
        if (text == null) {
            throw new IllegalArgumentException("no default template for " + event);
        }
        return channel == Channel.SMS ? new Text(text.subject(), "【Baton】" + text.body() + " {{link}}") : text;
    }
}
