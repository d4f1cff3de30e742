#pragma once
// Input of the test docs.static_assert_messages_selftest, never included: the message below
// is E006's text before issue 18, which had drifted from the rule catalogue ("unread" instead
// of the catalogue's "(loi 2025-1403) art. 79 III [U]"). tools/check_messages.py must refuse it.
static_assert(true,
              "CAQES-E006: a term or the template's window runs past its regime's end; name a politique_transition (LFSS 2026 art. 79 III, unread)");
