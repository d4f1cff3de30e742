#pragma once
// Input of the test docs.static_assert_messages_argument_selftest, never included: a message
// given as an argument (diagnose_if for clang, detail::regle_enfreinte for g++, as `part` does)
// that has drifted from the rule catalogue (its source cut short). tools/check_messages.py must
// refuse it as it refuses a static_assert's.
struct exemple {
    consteval exemple(int n) __attribute__((diagnose_if(n < 0,
                                                         "CAQES-E047: the grid's scoring policy gives a partial "
                                                         "indicator a share outside [0, 1] (D.162-16 I 2); see "
                                                         "docs/diagnostics.md#caqes-e047",
                                                         "error"))) {}
};
