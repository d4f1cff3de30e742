// Must keep printing "caqes <major>.<minor>.<patch>": package_test.cmake checks it
// against the version of the package that was installed.
#include <caqes/caqes.hpp>

#include <iostream>

int main() {
    std::cout << "caqes " << CAQES_VERSION_MAJOR << '.' << CAQES_VERSION_MINOR << '.'
              << CAQES_VERSION_PATCH << '\n';
}
