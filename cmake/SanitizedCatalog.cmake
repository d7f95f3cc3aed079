# The catalog tier built again with sanitizers, for the fuzzer and the TSan
# unit test. Included from test/CMakeLists.txt.
include(CheckCXXSourceCompiles)

set(CORO_TIDY_CATALOG_SOURCES
  ${PROJECT_SOURCE_DIR}/checks/catalog/Catalog.cpp
  ${PROJECT_SOURCE_DIR}/checks/catalog/CatalogLoader.cpp)

# Builds target with sanitizers, against the catalog tier's headers.
function(coro_tidy_sanitized_target target sanitizers)
  target_include_directories(${target} PRIVATE
    ${PROJECT_SOURCE_DIR}/checks ${PROJECT_BINARY_DIR}/checks)
  coro_tidy_llvm_headers(${target} PRIVATE ${LLVM_INCLUDE_DIRS})
  separate_arguments(defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(${target} PRIVATE ${defs})
  target_compile_options(${target} PRIVATE
    -fsanitize=${sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all -g)
  target_link_options(${target} PRIVATE -fsanitize=${sanitizers})
  target_link_libraries(${target} PRIVATE LLVMSupport yaml-cpp)
  # yaml-cpp throws inside the loader, as in the real build.
  set_source_files_properties(
    ${PROJECT_SOURCE_DIR}/checks/catalog/CatalogLoader.cpp
    PROPERTIES COMPILE_OPTIONS "-fexceptions")
endfunction()

set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer")
check_cxx_source_compiles(
  "#include <cstdint>
   #include <cstddef>
   extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }"
  CORO_TIDY_HAVE_LIBFUZZER)
set(CMAKE_REQUIRED_FLAGS "-fsanitize=thread")
check_cxx_source_compiles("int main() { return 0; }" CORO_TIDY_HAVE_TSAN)
unset(CMAKE_REQUIRED_FLAGS)

if(CORO_TIDY_HAVE_LIBFUZZER)
  add_executable(coro-tidy-catalog-fuzzer
    ${PROJECT_SOURCE_DIR}/test/fuzz/CatalogLoaderFuzzer.cpp
    ${CORO_TIDY_CATALOG_SOURCES})
  coro_tidy_sanitized_target(coro-tidy-catalog-fuzzer "fuzzer,address,undefined")
  # A bounded run on every CI run: the shipped catalogs, the error tests'
  # catalogs and hand-made seeds as the corpus; every kept crasher replayed.
  find_program(CORO_TIDY_SPLIT_FILE split-file HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)
  add_test(NAME fuzz-catalog-loader
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/test/fuzz/run_fuzzer.py
      --fuzzer $<TARGET_FILE:coro-tidy-catalog-fuzzer>
      --split-file ${CORO_TIDY_SPLIT_FILE}
      --work ${CMAKE_CURRENT_BINARY_DIR}/fuzz
      --runs 30000
      --seeds ${PROJECT_SOURCE_DIR}/catalog ${PROJECT_SOURCE_DIR}/test/fuzz/seeds
      --seeds-from-test ${PROJECT_SOURCE_DIR}/test/catalog/errors.test
      --regressions ${PROJECT_SOURCE_DIR}/test/fuzz/regressions)
else()
  message(STATUS "coro-tidy: no libFuzzer (libclang-rt-19-dev): the catalog fuzzer is not built")
endif()

if(CORO_TIDY_HAVE_TSAN)
  add_executable(coro-tidy-cache-tsan
    ${PROJECT_SOURCE_DIR}/test/unit/CatalogCacheConcurrencyTest.cpp
    ${CORO_TIDY_CATALOG_SOURCES}
    ${PROJECT_SOURCE_DIR}/checks/catalog/CatalogCache.cpp
    ${PROJECT_SOURCE_DIR}/checks/catalog/EmbeddedCatalog.cpp)
  add_dependencies(coro-tidy-cache-tsan coroTidyEmbeddedCatalog)
  coro_tidy_sanitized_target(coro-tidy-cache-tsan thread)
  target_link_libraries(coro-tidy-cache-tsan PRIVATE GTest::gtest_main)
  add_test(NAME unit-tsan COMMAND coro-tidy-cache-tsan)
  set_tests_properties(unit-tsan PROPERTIES
    ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1")
else()
  message(STATUS "coro-tidy: no ThreadSanitizer runtime: unit-tsan is not built")
endif()
