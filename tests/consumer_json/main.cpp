// Uses the installed JSON part: package_test.cmake checks that the first line names the
// schema of the JSON document.
#include <caqes/io/json/trace.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <iostream>

int main() {
    std::cout << caqes::json::schema << '\n';
    std::cout << caqes::json::fraction_json(caqes::pourcentage(22, 10)).dump() << '\n';
}
