// The claimgraph subcommands, each a function from parsed options to an exit
// code. main.cc parses the command line (CLI11) and calls one of these.
//
// Exit codes: 0 success; 1 bad input or usage (the message names the file
// and line or byte offset); 2 internal or storage error. Errors go to
// stderr as one line each, prefixed "claimgraph: ".
//
// Thread safety: each Run* function is meant to be called once per process
// from the main thread.
#ifndef CLAIMGRAPH_CLI_COMMANDS_H_
#define CLAIMGRAPH_CLI_COMMANDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/status.h"

namespace claimgraph {

// `claimgraph extract`: claims as JSON Lines on stdout, no database.
struct ExtractCommand {
  std::vector<std::string> paths;  // files, directories or "-"
  std::string date;                // YYYY-MM-DD for articles without a date; may be empty
  std::string lexicon_dir;         // overrides built-in lexicons; may be empty
  std::string topics_file;         // --topics: the user's topics (name|alias...); may be empty
  bool strict = false;             // stop at the first bad article
  size_t threads = 0;              // extraction threads; 0: one per core
};
int RunExtract(const ExtractCommand& cmd);

// `claimgraph ingest`: extract and store in the RocksDB store at `db`.
struct IngestCommand {
  std::string db;
  std::vector<std::string> paths;
  std::string date;
  std::string lexicon_dir;
  std::string topics_file;  // --topics; may be empty
  bool strict = false;
  bool quiet = false;  // no progress or summary on stderr
  size_t threads = 0;  // extraction threads; 0: one per core
};
int RunIngest(const IngestCommand& cmd);

// `claimgraph export`: the stored graph in one format.
struct ExportCommand {
  std::string db;
  std::string output;  // file (directory for csv); empty: stdout
  ExportOptions options;
};
int RunExport(const ExportCommand& cmd);

// `claimgraph stats`: node and edge counts by type.
struct StatsCommand {
  std::string db;
  bool json = false;
};
int RunStats(const StatsCommand& cmd);

// `claimgraph stance`: the timeline of claims about a topic (cli/query.cc).
struct StanceCommand {
  std::string db;
  std::string topic;    // required
  std::string speaker;  // name or alias contains this; may be empty
  std::string by = "speaker";  // group changes by "speaker" or "affiliation"
  std::string since, until;    // YYYY-MM-DD; may be empty
  bool json = false;           // JSON Lines instead of text
};
int RunStance(const StanceCommand& cmd);

// `claimgraph claims`: the stored claims, filtered (cli/query.cc).
struct ClaimsCommand {
  std::string db;
  std::string speaker, topic, since, until;  // filters; may be empty
  bool json = false;
};
int RunClaims(const ClaimsCommand& cmd);

// `claimgraph speakers`: who said things, with roles over time (cli/query.cc).
struct SpeakersCommand {
  std::string db;
  bool json = false;
};
int RunSpeakers(const SpeakersCommand& cmd);

// True when `date` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& date);

// Prints "claimgraph: <status>" to stderr and returns its exit code.
int ReportError(const Status& status);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLI_COMMANDS_H_
