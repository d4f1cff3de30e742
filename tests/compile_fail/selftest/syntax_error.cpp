// Harness self-test input: an ordinary syntax error (missing semicolon) carrying no
// CAQES id, which the checker must not mistake for a library diagnostic.
int main() {
    int x = 0
    return x;
}
