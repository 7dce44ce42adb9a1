#include "graph/entity_resolver.h"

#include <unordered_map>

#include "extract/lexicon.h"
#include "graph/model.h"

namespace claimgraph {

namespace {

// Normalised alias -> canonical name, from a built-in lexicon whose lines are
// "Canonical|alias|alias...". Missing lexicons leave it empty.
using Gazetteer = std::unordered_map<std::string, std::string>;

Gazetteer LoadGazetteer(const char* name) {
  Gazetteer g;
  Lexicon lex;
  if (!Lexicon::Load(name, "", &lex).ok()) return g;
  for (const LexiconEntry& e : lex.entries()) {
    g.emplace(NormalizeName(e.key), e.key);
    for (const std::string& alias : e.fields) g.emplace(NormalizeName(alias), e.key);
  }
  return g;
}

const Gazetteer& Countries() {
  static const Gazetteer g = LoadGazetteer("countries");
  return g;
}

const Gazetteer& Organizations() {
  static const Gazetteer g = LoadGazetteer("organizations");
  return g;
}

const std::string* Find(const Gazetteer& g, const std::string& key) {
  auto it = g.find(key);
  return it == g.end() ? nullptr : &it->second;
}

std::vector<std::string> Tokens(const std::string& normalised) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < normalised.size()) {
    size_t space = normalised.find(' ', start);
    if (space == std::string::npos) space = normalised.size();
    if (space > start) out.push_back(normalised.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// The type of an addressee nobody typed: "Israeli leaders" -> Group,
// "Benjamin Netanyahu" -> Person, anything else -> Group.
EntityType GuessType(const std::string& name) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < name.size()) {
    size_t space = name.find(' ', start);
    if (space == std::string::npos) space = name.size();
    if (space > start) words.push_back(name.substr(start, space - start));
    start = space + 1;
  }
  if (words.empty()) return EntityType::kGroup;
  const std::string& last = words.back();
  if (last.size() > 3 && last.back() == 's' && IsLower(last[0])) return EntityType::kGroup;
  if (words.size() >= 2 && words.size() <= 3) {
    bool capitalised = true;
    for (const std::string& w : words) {
      capitalised = capitalised && w.size() >= 2 && IsUpper(w[0]) && IsLower(w[1]);
    }
    if (capitalised) return EntityType::kPerson;
  }
  return EntityType::kGroup;
}

}  // namespace

std::string IdPrefixOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kCountry:
      return "country";
    case EntityType::kGroup:
      return "group";
    case EntityType::kUnknown:
      break;
  }
  return "entity";
}

std::string NodeTypeOf(EntityType type) {
  return type == EntityType::kUnknown ? "Entity" : EntityTypeName(type);
}

EntityResolver::EntityResolver(Store* store, const std::vector<std::string>& person_names)
    : store_(store), person_names_(person_names) {}

ResolvedEntity EntityResolver::Mint(const std::string& name, EntityType type) const {
  return ResolvedEntity{IdPrefixOf(type) + ":" + Slug(name), NodeTypeOf(type), name};
}

bool EntityResolver::LookupStore(const std::string& key, const std::string& prefix,
                                 const std::string& name, ResolvedEntity* out) {
  if (store_ == nullptr || key.empty()) return false;
  std::string id;
  if (!store_->LookupName(key, &id).ok()) return false;  // unknown or ambiguous
  if (id.compare(0, prefix.size(), prefix) != 0) return false;
  Node node;
  if (!store_->GetNode(id, &node).ok()) return false;
  auto name_it = node.props.find("name");
  std::string stored_name = name_it == node.props.end() ? "" : name_it->second;
  if (node.type == "Person") {
    // "Hunter Biden" never joins "Joe Biden", whatever alias led there.
    std::vector<std::string> ours = Tokens(key);
    std::vector<std::string> theirs = Tokens(NormalizeName(stored_name));
    if (ours.size() >= 2 && theirs.size() >= 2 && ours.back() == theirs.back() &&
        ours.front() != theirs.front()) {
      return false;
    }
  }
  *out = ResolvedEntity{id, node.type, stored_name.empty() ? name : stored_name};
  return true;
}

bool EntityResolver::Resolve(const std::string& name, EntityType type, ResolvedEntity* out) {
  if (name.empty()) return false;
  const std::string key = NormalizeName(name);
  auto cached = cache_.find({type, key});
  if (cached != cache_.end()) {
    *out = cached->second;
    return true;
  }

  std::string canonical = name;
  if (type == EntityType::kPerson && Tokens(key).size() == 1) {
    // The article's one multi-word person with this surname, if exactly one.
    std::map<std::string, std::string> candidates;  // normalised -> as written
    for (const std::string& full : person_names_) {
      std::string full_key = NormalizeName(full);
      std::vector<std::string> tokens = Tokens(full_key);
      if (tokens.size() >= 2 && tokens.back() == key) candidates.emplace(full_key, full);
    }
    if (candidates.size() == 1) canonical = candidates.begin()->second;
  } else if (type == EntityType::kCountry) {
    if (const std::string* c = Find(Countries(), key)) canonical = *c;
  } else if (type == EntityType::kOrganization) {
    if (const std::string* c = Find(Organizations(), key)) canonical = *c;
  }

  const std::string canonical_key = NormalizeName(canonical);
  ResolvedEntity resolved;
  auto same = cache_.find({type, canonical_key});
  if (same != cache_.end()) {
    resolved = same->second;
  } else if (!LookupStore(canonical_key, IdPrefixOf(type) + ":", canonical, &resolved)) {
    resolved = Mint(canonical, type);
  }
  cache_[{type, key}] = resolved;
  cache_[{type, canonical_key}] = resolved;
  *out = resolved;
  return true;
}

bool EntityResolver::FindInArticle(const std::string& key, ResolvedEntity* out) const {
  for (const auto& [type_key, resolved] : cache_) {
    if (type_key.second == key) {
      *out = resolved;
      return true;
    }
  }
  return false;
}

bool EntityResolver::ResolvePreferKnown(const std::string& name, EntityType type,
                                        ResolvedEntity* out) {
  if (name.empty()) return false;
  const std::string key = NormalizeName(name);
  if (FindInArticle(key, out)) return true;
  if (LookupStore(key, "", name, out)) return true;
  return Resolve(name, type, out);
}

bool EntityResolver::ResolveUntyped(const std::string& name, ResolvedEntity* out) {
  if (name.empty()) return false;
  const std::string key = NormalizeName(name);
  if (FindInArticle(key, out)) return true;
  if (Find(Countries(), key)) return Resolve(name, EntityType::kCountry, out);
  if (Find(Organizations(), key)) return Resolve(name, EntityType::kOrganization, out);
  ResolvedEntity stored;
  if (LookupStore(key, "", name, &stored)) {
    *out = stored;
    return true;
  }
  return Resolve(name, GuessType(name), out);
}

bool EntityResolver::ResolveAffiliation(const std::string& name, ResolvedEntity* out) {
  if (name.empty()) return false;
  const std::string key = NormalizeName(name);
  for (EntityType type : {EntityType::kCountry, EntityType::kOrganization}) {
    auto cached = cache_.find({type, key});
    if (cached != cache_.end()) {
      *out = cached->second;
      return true;
    }
  }
  if (Find(Countries(), key)) return Resolve(name, EntityType::kCountry, out);
  if (LookupStore(key, "country:", name, out)) return true;
  if (LookupStore(key, "organization:", name, out)) return true;
  return Resolve(name, EntityType::kOrganization, out);
}

}  // namespace claimgraph
