-- Hand-written SQL from enum-eq-leakproof.sql
-- Enum equality may be used in an index scan under row-level security.
--
-- PostgreSQL evaluates a condition before a table's row-level security policy (which is what an
-- index condition is) only if its operator is marked LEAKPROOF. enum_eq, the `=` of every enum
-- type, is not marked so, although it only compares two OIDs and can neither fail nor reveal
-- anything: so for the application role every filter on an enum column (an activity's status, a
-- member's category, …) was applied row by row after a sequential scan, and an index such as
-- Activity (tenantId, status, date) was never used (the review queue read all 138,000 records of
-- a large university instead of its few thousand submitted ones).
--
-- Changing a built-in function needs a superuser; where migrations run without one (a managed
-- database), the statement is skipped with a notice and everything works as before, only slower.
DO $$
BEGIN
  ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'enum_eq left as it is (not a superuser): enum filters will not use indexes under row-level security';
END
$$;
