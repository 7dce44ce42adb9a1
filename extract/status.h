// Status: the one error type of claimgraph.
//
// Every fallible function returns a Status (or fills one). A Status is either
// OK or carries a code and a message that names the file and the line or byte
// offset where that makes sense ("a.jsonl:3: missing \"text\""). Third-party
// errors (RocksDB, RE2, Graphviz, nlohmann, CLI11) are converted into a Status
// inside the one file that wraps each library.
//
// The code decides the process exit code in the CLI: kInvalidInput and
// kUsage exit 1, every other error exits 2.
//
// Thread safety: a Status is a value; distinct objects may be used from
// distinct threads without synchronisation.
#ifndef CLAIMGRAPH_EXTRACT_STATUS_H_
#define CLAIMGRAPH_EXTRACT_STATUS_H_

#include <string>
#include <utility>

namespace claimgraph {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the user's data is malformed: exit 1
    kUsage,         // bad command line or missing/unreadable path: exit 1
    kNotFound,      // a looked-up key or entity does not exist
    kStorage,       // the store failed (RocksDB I/O, corruption, lock): exit 2
    kInternal,      // a bug or an unexpected library failure: exit 2
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Storage(std::string msg) { return Status(Code::kStorage, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // 1 for bad input or usage, 2 for storage and internal errors, 0 for OK.
  int ExitCode() const;

  // "invalid input: a.txt: byte 17: invalid UTF-8" style text for stderr.
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_STATUS_H_
