// Claim lines are written by hand rather than through nlohmann::json: the
// extractor emits one per claim and the fixed field order keeps the lines
// stable and diffable. Escaping follows RFC 8259; invalid UTF-8 becomes
// U+FFFD, one per maximal ill-formed subsequence (Unicode 15, section 3.9).
#include "extract/claim_json.h"

#include <charconv>
#include <cstdint>
#include <string_view>

#include "extract/utf8.h"

namespace claimgraph {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if the
// sequence is ill-formed; *bad_len is then the length of its maximal
// ill-formed prefix (at least 1).
size_t Utf8SequenceLength(std::string_view s, size_t i, size_t* bad_len) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(i);
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *bad_len = 1;
    return 0;
  }
  size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const uint8_t b = byte(i + k);
    const uint8_t l = (k == 1) ? lo : 0x80;
    const uint8_t h = (k == 1) ? hi : 0xBF;
    if (b < l || b > h) break;
  }
  if (k == need) return need;
  *bad_len = k;
  return 0;
}

void AppendNumber(size_t n, std::string* out) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof(buf), n).ptr;
  out->append(buf, end - buf);
}

// `key` is a field's separator, name and colon as they are written
// (",\"doc\":"): the field names are plain ASCII that needs no escaping, so
// each is one copy of a literal whose length is known at compile time.
template <size_t N>
void AppendField(const char (&key)[N], std::string* out) {
  out->append(key, N - 1);
}

template <size_t N>
void AppendStringField(const char (&key)[N], std::string_view value, std::string* out) {
  AppendField(key, out);
  AppendJsonString(value, out);
}

void AppendSpeaker(const Speaker& speaker, std::string* out) {
  out->append("{\"name\":");
  AppendJsonString(speaker.name, out);
  AppendStringField(",\"mention\":", speaker.mention, out);
  AppendStringField(",\"type\":", EntityTypeName(speaker.type), out);
  if (!speaker.role.empty()) AppendStringField(",\"role\":", speaker.role, out);
  if (!speaker.affiliation.empty()) AppendStringField(",\"affiliation\":", speaker.affiliation, out);
  out->push_back('}');
}

void AppendTopics(const std::vector<Topic>& topics, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < topics.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append("{\"name\":");
    AppendJsonString(topics[i].name, out);
    AppendStringField(",\"label\":", topics[i].label, out);
    AppendStringField(",\"polarity\":", topics[i].polarity, out);
    out->push_back('}');
  }
  out->push_back(']');
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  // AppendClaimJson reserves room for a whole line: growing here is rare,
  // and checked inline rather than by a call to reserve().
  if (out->capacity() - out->size() < s.size() + 2) out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied as they are
  size_t i = 0;
  const auto flush = [&](size_t end) {
    if (end > run) out->append(s.data() + run, end - run);
  };
  while (i < s.size()) {
    i = SkipPlainJsonBytes(s, i, /*stop_high=*/true);
    if (i >= s.size()) break;
    const uint8_t c = static_cast<uint8_t>(s[i]);
    if (c >= 0x80) {
      size_t bad_len = 0;
      const size_t len = Utf8SequenceLength(s, i, &bad_len);
      if (len > 0) {
        i += len;
        continue;
      }
      flush(i);
      out->append(kReplacement);
      i += bad_len;
      run = i;
      continue;
    }
    flush(i);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
        break;
    }
    ++i;
    run = i;
  }
  flush(i);
  out->push_back('"');
}

std::string ClaimToJson(const Claim& claim) {
  std::string out;
  AppendClaimJson(claim, &out);
  return out;
}

void AppendClaimJson(const Claim& claim, std::string* out_ptr) {
  std::string& out = *out_ptr;
  out.reserve(out.size() + 256 + claim.text.size());
  out.append("{\"id\":");
  AppendJsonString(claim.id, &out);
  AppendStringField(",\"doc\":", claim.doc, &out);
  AppendStringField(",\"kind\":", ClaimKindName(claim.kind), &out);
  AppendStringField(",\"text\":", claim.text, &out);
  AppendField(",\"span\":", &out);
  out.push_back('[');
  AppendNumber(claim.span.begin, &out);
  out.push_back(',');
  AppendNumber(claim.span.end, &out);
  out.push_back(']');
  AppendStringField(",\"cue\":", claim.cue, &out);
  AppendField(",\"speaker\":", &out);
  AppendSpeaker(claim.speaker, &out);
  if (!claim.addressee.empty()) AppendStringField(",\"addressee\":", claim.addressee, &out);
  if (!claim.relayed_by.empty()) AppendStringField(",\"relayed_by\":", claim.relayed_by, &out);
  if (!claim.date.empty()) AppendStringField(",\"date\":", claim.date, &out);
  if (!claim.topics.empty()) {
    AppendField(",\"topics\":", &out);
    AppendTopics(claim.topics, &out);
  }
  out.push_back('}');
}

}  // namespace claimgraph
