// claimgraph: turns news articles into a graph of who said what.
//
// This file only parses the command line (CLI11) and dispatches to the
// subcommands in commands.h. CLI11 reports errors by exception; they are
// caught here and become exit code 1 (usage) with CLI11's message. Any other
// exception is a bug and exits 2.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "cli/commands.h"

#ifndef CLAIMGRAPH_VERSION
#define CLAIMGRAPH_VERSION "unknown"
#endif

namespace claimgraph {
namespace {

constexpr const char* kFooter = R"(
Exit codes: 0 success, 1 bad input or usage, 2 internal or storage error.
Run 'claimgraph COMMAND --help' for the options of a command.

Examples:
  claimgraph extract --date 2025-06-11 article.txt > claims.jsonl
  claimgraph ingest --db out/db examples/
  claimgraph export --db out/db --format graphml -o claims.graphml
  claimgraph export --db out/db --format svg -o claims.svg --speaker Lopes
  claimgraph stats --db out/db --json)";

constexpr const char* kPathHelp =
    "Inputs: a .txt file (one article), a .jsonl file (one article a line), a directory "
    "(read recursively) or - for standard input";

void AddDateOption(CLI::App* cmd, std::string* date) {
  cmd->add_option("--date", *date,
                  "Date (YYYY-MM-DD) of articles that state none of their own")
      ->type_name("YYYY-MM-DD");
}

void AddLexiconOption(CLI::App* cmd, std::string* dir) {
  cmd->add_option("--lexicons", *dir,
                  "Directory of lexicon files (cues.txt, ...) that replace the built-in ones of "
                  "the same name")
      ->type_name("DIR");
}

void AddTopicsOption(CLI::App* cmd, std::string* file) {
  cmd->add_option("--topics", *file,
                  "Topics file: one topic a line, name|alias|alias (e.g. Palestinian "
                  "state|two-state solution)")
      ->type_name("FILE");
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"claimgraph: turns news articles into a knowledge graph of who said what", "claimgraph"};
  app.set_version_flag("--version", std::string("claimgraph ") + CLAIMGRAPH_VERSION);
  app.require_subcommand(1);
  app.footer(kFooter);

  ExtractCommand extract;
  CLI::App* extract_cmd =
      app.add_subcommand("extract", "Print the claims of the articles as JSON Lines (no database)");
  AddDateOption(extract_cmd, &extract.date);
  AddLexiconOption(extract_cmd, &extract.lexicon_dir);
  AddTopicsOption(extract_cmd, &extract.topics_file);
  extract_cmd->add_flag("--strict", extract.strict, "Stop at the first bad article");
  extract_cmd->add_option("--threads", extract.threads, "Extraction threads (0: one per core)")
      ->default_val(0);
  extract_cmd->add_option("PATH", extract.paths, kPathHelp)->required();

  IngestCommand ingest;
  CLI::App* ingest_cmd =
      app.add_subcommand("ingest", "Extract claims and store them in the graph database");
  ingest_cmd->add_option("--db", ingest.db, "Store directory (created when missing)")
      ->required()
      ->type_name("DIR");
  AddDateOption(ingest_cmd, &ingest.date);
  AddLexiconOption(ingest_cmd, &ingest.lexicon_dir);
  AddTopicsOption(ingest_cmd, &ingest.topics_file);
  ingest_cmd->add_flag("--strict", ingest.strict, "Stop at the first bad article");
  ingest_cmd->add_flag("--quiet,-q", ingest.quiet, "Print no progress or summary");
  ingest_cmd->add_option("--threads", ingest.threads, "Extraction threads (0: one per core)")
      ->default_val(0);
  ingest_cmd->add_option("PATH", ingest.paths, kPathHelp)->required();

  ExportCommand exp;
  ExportFilter& filter = exp.options.filter;
  CLI::App* export_cmd = app.add_subcommand("export", "Write the stored graph in one format");
  export_cmd->add_option("--db", exp.db, "Store directory")->required()->type_name("DIR");
  export_cmd
      ->add_option("--format,-f", exp.options.format,
                   "graphml | dot | jsonld (to stdout without -o), svg | png (need -o FILE), "
                   "csv (needs -o DIR)")
      ->required()
      ->type_name("FORMAT");
  export_cmd->add_option("-o,--output", exp.output, "Output file (directory for csv)")
      ->type_name("PATH");
  export_cmd->add_option("--layout", exp.options.layout, "Graphviz layout for svg/png")
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo"}))
      ->capture_default_str();
  export_cmd->add_option("--top", exp.options.top, "Diagram: keep only the N strongest edges (0: all)")
      ->check(CLI::Range(0, 1000000000))
      ->type_name("N");
  export_cmd->add_option("--speaker", filter.speaker,
                         "Keep claims whose speaker name or alias contains S (case-insensitive)")
      ->type_name("S");
  export_cmd->add_option("--topic", filter.topic, "Keep claims about a topic matching T")
      ->type_name("T");
  export_cmd->add_option("--since", filter.since, "Keep claims dated on or after D")
      ->type_name("YYYY-MM-DD");
  export_cmd->add_option("--until", filter.until, "Keep claims dated on or before D")
      ->type_name("YYYY-MM-DD");
  export_cmd->add_option("--kind", filter.kind, "Keep claims of one kind: direct | indirect | "
                                                "partial | according_to")
      ->type_name("K");
  export_cmd->add_option("--min-claims", filter.min_claims, "Keep speakers with at least N claims")
      ->check(CLI::Range(0, 1000000000))
      ->type_name("N");

  StatsCommand stats;
  CLI::App* stats_cmd = app.add_subcommand("stats", "Count the stored nodes and edges by type");
  stats_cmd->add_option("--db", stats.db, "Store directory")->required()->type_name("DIR");
  stats_cmd->add_flag("--json", stats.json, "Print one JSON object");

  StanceCommand stance;
  CLI::App* stance_cmd =
      app.add_subcommand("stance", "Timeline of who was for or against a topic, changes marked");
  stance_cmd->add_option("--db", stance.db, "Store directory")->required()->type_name("DIR");
  stance_cmd->add_option("--topic", stance.topic, "Topic to look for (words are normalised)")
      ->required()
      ->type_name("QUERY");
  stance_cmd->add_option("--speaker", stance.speaker, "Keep speakers whose name or alias contains S")
      ->type_name("S");
  stance_cmd->add_option("--by", stance.by, "Mark changes per speaker or per affiliation")
      ->check(CLI::IsMember({"speaker", "affiliation"}))
      ->capture_default_str();
  stance_cmd->add_option("--since", stance.since, "Keep claims dated on or after D")->type_name("YYYY-MM-DD");
  stance_cmd->add_option("--until", stance.until, "Keep claims dated on or before D")->type_name("YYYY-MM-DD");
  stance_cmd->add_flag("--json", stance.json, "Print JSON Lines");

  ClaimsCommand claims;
  CLI::App* claims_cmd = app.add_subcommand("claims", "List stored claims, by date");
  claims_cmd->add_option("--db", claims.db, "Store directory")->required()->type_name("DIR");
  claims_cmd->add_option("--speaker", claims.speaker, "Keep speakers whose name or alias contains S")
      ->type_name("S");
  claims_cmd->add_option("--topic", claims.topic, "Keep claims about a topic")->type_name("T");
  claims_cmd->add_option("--since", claims.since, "Keep claims dated on or after D")->type_name("YYYY-MM-DD");
  claims_cmd->add_option("--until", claims.until, "Keep claims dated on or before D")->type_name("YYYY-MM-DD");
  claims_cmd->add_flag("--json", claims.json, "Print JSON Lines");

  SpeakersCommand speakers;
  CLI::App* speakers_cmd =
      app.add_subcommand("speakers", "List speakers: type, roles over time, claim count, dates");
  speakers_cmd->add_option("--db", speakers.db, "Store directory")->required()->type_name("DIR");
  speakers_cmd->add_flag("--json", speakers.json, "Print JSON Lines");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    const std::string first = argc > 1 ? argv[1] : "";
    if (!first.empty() && first[0] != '-' && first != "extract" && first != "ingest" &&
        first != "export" && first != "stats" && first != "stance" && first != "claims" &&
        first != "speakers") {
      std::fprintf(stderr, "claimgraph: unknown command \"%s\"\n", first.c_str());
    } else {
      std::fprintf(stderr, "claimgraph: %s\n", e.what());
    }
    std::fprintf(stderr, "Run 'claimgraph --help' or 'claimgraph COMMAND --help' for usage.\n");
    return 1;
  }

  if (*extract_cmd) return RunExtract(extract);
  if (*ingest_cmd) return RunIngest(ingest);
  if (*export_cmd) return RunExport(exp);
  if (*stats_cmd) return RunStats(stats);
  if (*stance_cmd) return RunStance(stance);
  if (*claims_cmd) return RunClaims(claims);
  if (*speakers_cmd) return RunSpeakers(speakers);
  return 1;  // unreachable: require_subcommand(1)
}

}  // namespace claimgraph

int main(int argc, char** argv) {
  try {
    return claimgraph::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "claimgraph: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "claimgraph: internal error: unknown exception\n");
  }
  return 2;
}
