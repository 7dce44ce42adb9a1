#include "graph/model.h"

#include <algorithm>

#include "graph/hash.h"

namespace claimgraph {

namespace {

// The property-kind table (documented in model.h). Anything not listed is a
// string.
struct KindEntry {
  const char* name;
  PropertyKind kind;
};

constexpr KindEntry kKinds[] = {
    {"begin", PropertyKind::kInt},         {"end", PropertyKind::kInt},
    {"claims", PropertyKind::kInt},        {"weight", PropertyKind::kInt},
    {"confidence", PropertyKind::kDouble}, {"aliases", PropertyKind::kList},
    {"roles", PropertyKind::kList},
};

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char AsciiLower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c); }

}  // namespace

PropertyKind KindOfProperty(std::string_view name) {
  for (const KindEntry& k : kKinds) {
    if (name == k.name) return k.kind;
  }
  return PropertyKind::kString;
}

void MergeProperties(const Properties& incoming, Properties* existing) {
  for (const auto& [name, value] : incoming) {
    auto it = existing->find(name);
    if (it == existing->end()) {
      // A list is stored normalised (sorted, unique) even on first sight, so
      // merging once and merging twice give the same bytes.
      (*existing)[name] =
          KindOfProperty(name) == PropertyKind::kList ? JoinList(SplitList(value)) : value;
      continue;
    }
    if (KindOfProperty(name) == PropertyKind::kList) {
      std::vector<std::string> all = SplitList(it->second);
      std::vector<std::string> more = SplitList(value);
      all.insert(all.end(), more.begin(), more.end());
      it->second = JoinList(std::move(all));
    } else if (it->second.empty()) {
      it->second = value;
    }
  }
}

std::vector<std::string> SplitList(std::string_view value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t nl = value.find('\n', start);
    if (nl == std::string_view::npos) nl = value.size();
    if (nl > start) out.emplace_back(value.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

std::string JoinList(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string out;
  for (const std::string& v : values) {
    if (v.empty()) continue;
    if (!out.empty()) out += '\n';
    out += v;
  }
  return out;
}

std::string Slug(std::string_view text) {
  std::string out;
  bool non_ascii = false;
  bool pending_dash = false;
  for (unsigned char c : text) {
    if (c >= 0x80) non_ascii = true;
    if (IsAsciiAlnum(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += AsciiLower(c);
    } else {
      pending_dash = true;
    }
  }
  // Text whose letters are not ASCII ("Wang Yi" in Chinese characters, or
  // "Zelenskyy" vs "Zelens'kyj" with diacritics) would collapse to the same
  // or an empty slug; a hash of the original bytes keeps it distinct.
  if (non_ascii || out.empty()) {
    if (!out.empty()) out += '-';
    out += Hex64(Fnv1a64(text)).substr(0, 8);
  }
  return out;
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == '.' || c == '\'') continue;
    // U+2019 RIGHT SINGLE QUOTATION MARK, the typographic apostrophe.
    if (c == 0xE2 && i + 2 < name.size() && (unsigned char)name[i + 1] == 0x80 &&
        (unsigned char)name[i + 2] == 0x99) {
      i += 2;
      continue;
    }
    if (c < 0x80 && !IsAsciiAlnum(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += AsciiLower(c);
  }
  return out;
}

bool IsEntityType(std::string_view type) {
  return type == "Person" || type == "Organization" || type == "Country" || type == "Group" ||
         type == "Entity";
}

}  // namespace claimgraph
