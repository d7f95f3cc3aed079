//===----------------------------------------------------------------------===//

#include "MergeSummaries.h"
#include "analysis/summaries/SummaryMerge.h"
#include "utils/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace coro_tidy {
namespace {

/// The summaries under \p Dir, sorted, so that the merge does not depend on
/// the order the file system lists them in.
llvm::Expected<std::vector<std::string>> summaryFiles(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".json" &&
        It->type() != llvm::sys::fs::file_type::directory_file)
      Files.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "cannot list '%s': %s",
                                   Dir.str().c_str(), EC.message().c_str());
  llvm::sort(Files);
  return Files;
}

bool writeIndex(const SummaryIndex &Index, llvm::StringRef IndexFile) {
  // A temporary file renamed into place: runs reading the index meanwhile
  // see the old one or the new one.
  if (llvm::Error Failed =
          llvm::writeToOutput(IndexFile, [&](llvm::raw_ostream &Out) {
            Index.write(Out);
            return llvm::Error::success();
          })) {
    llvm::errs() << "coro-tidy: cannot write '" << IndexFile
                 << "': " << llvm::toString(std::move(Failed)) << "\n";
    return false;
  }
  return true;
}

/// Summaries are parsed in parallel a batch at a time, and added in order:
/// the text of only one batch is in memory at once.
constexpr size_t BatchSize = 256;

/// A batch of summaries, parsed: each one's facts, or why not.
struct ParsedBatch {
  std::vector<TranslationUnitFacts> Facts;
  std::vector<std::string> Errors;
};

ParsedBatch parseBatch(llvm::ArrayRef<std::string> Files) {
  ParsedBatch Batch{std::vector<TranslationUnitFacts>(Files.size()),
                    std::vector<std::string>(Files.size())};
  llvm::parallelFor(0, Files.size(), [&](size_t I) {
    auto Buffer = llvm::MemoryBuffer::getFile(Files[I]);
    if (!Buffer) {
      Batch.Errors[I] = Buffer.getError().message();
      return;
    }
    llvm::Expected<TranslationUnitFacts> Facts =
        parseFacts((*Buffer)->getBuffer());
    if (Facts)
      Batch.Facts[I] = std::move(*Facts);
    else
      Batch.Errors[I] = llvm::toString(Facts.takeError());
  });
  return Batch;
}

} // namespace

int mergeSummaries(llvm::StringRef SummaryDir, llvm::StringRef IndexFile) {
  if (SummaryDir.empty() || IndexFile.empty()) {
    llvm::errs() << "coro-tidy: --merge-summaries=<dir> needs "
                    "--summary-index=<file> to write\n";
    return 1;
  }
  llvm::Expected<std::vector<std::string>> Files = summaryFiles(SummaryDir);
  if (!Files) {
    llvm::errs() << "coro-tidy: " << llvm::toString(Files.takeError()) << "\n";
    return 1;
  }
  const std::string IndexDir =
      absolutePath(llvm::sys::path::parent_path(absolutePath(IndexFile)));
  SummaryIndexBuilder Builder(IndexDir);
  bool Failed = false;
  for (size_t First = 0; First < Files->size(); First += BatchSize) {
    llvm::ArrayRef<std::string> Batch = llvm::ArrayRef(*Files).slice(
        First, std::min(BatchSize, Files->size() - First));
    const ParsedBatch Parsed = parseBatch(Batch);
    for (size_t I = 0; I < Batch.size(); ++I) {
      if (!Parsed.Errors[I].empty()) {
        llvm::errs() << Batch[I] << ": error: " << Parsed.Errors[I] << "\n";
        Failed = true;
        continue;
      }
      llvm::SmallString<256> Root(
          absolutePath(llvm::sys::path::parent_path(Batch[I])));
      llvm::sys::path::append(Root, Parsed.Facts[I].Root);
      Builder.add(Parsed.Facts[I], absolutePath(Root));
    }
  }
  if (Failed)
    return 1;
  const size_t Merged = Builder.functionCount();
  const std::unique_ptr<SummaryIndex> Index = Builder.finish();
  if (!writeIndex(*Index, IndexFile))
    return 1;
  llvm::errs() << llvm::formatv(
      "coro-tidy: merged {0} summaries: {1} functions, {2} may block; {3} "
      "translation units to check with the index\n",
      Files->size(), Merged, Index->size(), Index->recheck().size());
  return 0;
}

} // namespace coro_tidy
