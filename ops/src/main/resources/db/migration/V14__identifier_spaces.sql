-- Step 5 (identifiers cannot collide): every aggregate type has an identifier space of its own (IdSpace). Axon loads
-- a stream by its aggregate identifier alone, and households, villages and townships were kept under their bare card
-- number or division code, which a card number could equal. Their streams move to the prefixes HH-, VIL- and TWN-.
-- Only the name of the stream changes: the payloads (which keep the plain card numbers and codes), the metadata, the
-- sequence numbers and the global order stay exactly as stored. The re-keying is idempotent.

UPDATE domain_event_entry SET aggregate_identifier = CONCAT('HH-', aggregate_identifier)
    WHERE type = 'Household' AND aggregate_identifier NOT LIKE 'HH-%';
UPDATE domain_event_entry SET aggregate_identifier = CONCAT('VIL-', aggregate_identifier)
    WHERE type = 'Village' AND aggregate_identifier NOT LIKE 'VIL-%';
UPDATE domain_event_entry SET aggregate_identifier = CONCAT('TWN-', aggregate_identifier)
    WHERE type = 'Township' AND aggregate_identifier NOT LIKE 'TWN-%';

-- No snapshots are taken today; any there would be of the old streams and are simply dropped (a snapshot is a cache,
-- rebuilt from the events).
DELETE FROM snapshot_event_entry WHERE type IN ('Household', 'Village', 'Township');
