// Harness self-test input: rejected with CAQES-E999, so a check expecting any other
// id must fail. The assertion depends on T so that it fires at instantiation, the
// way the library's own checks do.
template <class T>
inline constexpr bool always_false_v = false;

template <class T>
void trigger() {
    static_assert(always_false_v<T>, "CAQES-E999: harness self-test");
}

int main() {
    trigger<int>();
}
