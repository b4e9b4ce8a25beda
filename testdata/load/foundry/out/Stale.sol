// Build output is not walked.
contract Stale {}
