-- Where positions at nodes a published version no longer has go when a running ticket moves onto it:
-- a JSON object {"oldNodeId": "newNodeId"} given at publish time; null when none was needed.

alter table flow_versions add column node_mapping text;
