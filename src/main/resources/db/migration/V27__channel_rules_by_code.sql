-- A channel's tickets are routed by the assignment rules whose conditions name the channel's code
-- (conditions.channels, inside the rule's JSON definition), so the channel's own pointer to a rule, which nothing
-- read, goes.
alter table intake_channels drop column rule_id;
