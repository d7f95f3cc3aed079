# LLVM's and Clang's headers for a target, searched after the standard
# library's: with libc++abi-19-dev installed, Debian puts a cxxabi.h into
# LLVM's include folder, and found first it clashes with libstdc++'s.
# -idirafter folders are system folders too (no warnings from them).
function(coro_tidy_llvm_headers target scope)
  list(REMOVE_DUPLICATES ARGN)
  foreach(dir IN LISTS ARGN)
    target_compile_options(${target} ${scope} "SHELL:-idirafter ${dir}")
  endforeach()
endfunction()
