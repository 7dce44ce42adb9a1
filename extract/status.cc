#include "extract/status.h"

namespace claimgraph {

int Status::ExitCode() const {
  switch (code_) {
    case Code::kOk:
      return 0;
    case Code::kInvalidInput:
    case Code::kUsage:
    case Code::kNotFound:
      return 1;
    case Code::kStorage:
    case Code::kInternal:
      return 2;
  }
  return 2;
}

std::string Status::ToString() const {
  const char* prefix = "";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidInput:
      prefix = "invalid input: ";
      break;
    case Code::kUsage:
      prefix = "";
      break;
    case Code::kNotFound:
      prefix = "not found: ";
      break;
    case Code::kStorage:
      prefix = "storage error: ";
      break;
    case Code::kInternal:
      prefix = "internal error: ";
      break;
  }
  return prefix + message_;
}

}  // namespace claimgraph
