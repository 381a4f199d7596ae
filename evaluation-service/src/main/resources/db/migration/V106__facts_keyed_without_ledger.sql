-- evaluation-service's consumer keeps no ledger of applied event ids any more: its fact tables' keys
-- (ev_record.record_id, ev_roster.event_id, ev_personnel.event_id, ev_campaign.campaign_id, appraisal.year)
-- make every write idempotent (DECISIONS 53). Its rows in the ledger are dropped; other consumers' stay.
DELETE FROM applied_event WHERE consumer = 'evaluation-service.facts';
