// Claim lines are written by hand rather than through nlohmann::json: the
// extractor emits one per claim and the fixed field order keeps the lines
// stable and diffable. Escaping follows RFC 8259; invalid UTF-8 becomes
// U+FFFD, one per maximal ill-formed subsequence (Unicode 15, section 3.9).
#include "extract/claim_json.h"

#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
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

// Bytes that a JSON string holds as they are, escapes, and the first
// bytes of UTF-8 sequences (which are checked before they are copied).
enum ByteClass : uint8_t { kPlain, kEscape, kHighByte };
struct ByteClasses {
  uint8_t of[256];
  constexpr ByteClasses() : of() {
    for (int c = 0; c < 256; ++c) {
      of[c] = c >= 0x80 ? kHighByte : (c < 0x20 || c == '"' || c == '\\') ? kEscape : kPlain;
    }
  }
};
constexpr ByteClasses kByteClasses;

// Writes the escape of ASCII byte c ('"', '\\' or a control character).
char* WriteEscape(uint8_t c, char* p) {
  p[0] = '\\';
  switch (c) {
    case '"': p[1] = '"'; return p + 2;
    case '\\': p[1] = '\\'; return p + 2;
    case '\n': p[1] = 'n'; return p + 2;
    case '\r': p[1] = 'r'; return p + 2;
    case '\t': p[1] = 't'; return p + 2;
    case '\b': p[1] = 'b'; return p + 2;
    case '\f': p[1] = 'f'; return p + 2;
    default:
      std::memcpy(p + 1, "u00", 3);
      p[4] = kHex[c >> 4];
      p[5] = kHex[c & 0xF];
      return p + 6;
  }
}

// JSON string bytes of `s` at p, quotes included (room: JsonStringBound).
// Plain bytes are copied eight at a time: each block is stored before it is
// tested, and only the bytes before its first special byte are kept; the
// last few bytes of a string of eight or more are its last eight, shifted.
char* WriteJsonString(std::string_view s, char* p) {
  static_assert(std::endian::native == std::endian::little, "the first byte of a block is its lowest");
  *p++ = '"';
  const char* const src = s.data();
  const size_t n = s.size();
  size_t i = 0;
  for (;;) {
    while (i + 8 <= n) {
      uint64_t v;
      std::memcpy(&v, src + i, 8);
      std::memcpy(p, &v, 8);
      const uint64_t special = JsonSpecialBytes(v, /*stop_high=*/true);
      if (special != 0) {
        const size_t plain = static_cast<size_t>(__builtin_ctzll(special)) >> 3;
        i += plain;
        p += plain;
        break;
      }
      i += 8;
      p += 8;
    }
    if (i >= n) break;
    if (n >= 8) {
      // Under eight bytes left, or a special byte at i: the block of the
      // (up to) eight bytes from i, loaded as the string's last eight
      // bytes or those from i, shifted down past the bytes before i.
      const size_t avail = n - i < 8 ? n - i : 8;
      uint64_t v;
      std::memcpy(&v, src + i + avail - 8, 8);
      v >>= 8 * (8 - avail);
      std::memcpy(p, &v, 8);
      uint64_t special = JsonSpecialBytes(v, /*stop_high=*/true);
      if (avail < 8) special &= (uint64_t{1} << (8 * avail)) - 1;
      const size_t plain = special == 0 ? avail : static_cast<size_t>(__builtin_ctzll(special)) >> 3;
      i += plain;
      p += plain;
    } else {
      // A short string: byte by byte to the next special byte.
      while (i < n && kByteClasses.of[static_cast<uint8_t>(src[i])] == kPlain) *p++ = src[i++];
    }
    if (i >= n) break;
    // src[i] is special.
    const uint8_t c = static_cast<uint8_t>(src[i]);
    if (c < 0x80) {
      p = WriteEscape(c, p);
      ++i;
      continue;
    }
    size_t bad_len = 0;
    const size_t len = Utf8SequenceLength(s, i, &bad_len);
    if (len > 0) {
      std::memcpy(p, src + i, len);
      p += len;
      i += len;
    } else {
      std::memcpy(p, kReplacement.data(), kReplacement.size());
      p += kReplacement.size();
      i += bad_len;
    }
  }
  *p++ = '"';
  return p;
}

// The most bytes WriteJsonString writes for a string of n bytes: six per
// byte (a control character's \u00XX; U+FFFD's three bytes replace at
// least one), the quotes, and the eight a block store may write past the
// last byte kept.
constexpr size_t JsonStringBound(size_t n) { return 6 * n + 2 + 8; }

template <size_t N>
char* Put(const char (&literal)[N], char* p) {
  std::memcpy(p, literal, N - 1);
  return p + N - 1;
}

char* PutNumber(size_t n, char* p) { return std::to_chars(p, p + 24, n).ptr; }

template <size_t N>
char* PutStringField(const char (&key)[N], std::string_view value, char* p) {
  return WriteJsonString(value, Put(key, p));
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  const size_t old = out->size();
  out->resize(old + JsonStringBound(s.size()));
  char* const end = WriteJsonString(s, out->data() + old);
  out->resize(end - out->data());
}

size_t ClaimJsonBound(const Claim& claim) {
  // Field names, punctuation and the two numbers: well under 512 bytes; each
  // topic's under 64.
  size_t n = 512 + JsonStringBound(claim.id.size()) + JsonStringBound(claim.doc.size()) +
             JsonStringBound(claim.text.size()) + JsonStringBound(claim.cue.size()) +
             JsonStringBound(claim.speaker.name.size()) + JsonStringBound(claim.speaker.mention.size()) +
             JsonStringBound(claim.speaker.role.size()) + JsonStringBound(claim.speaker.affiliation.size()) +
             JsonStringBound(claim.addressee.size()) + JsonStringBound(claim.relayed_by.size()) +
             JsonStringBound(claim.date.size()) + 32 * 3;
  for (const Topic& t : claim.topics) {
    n += 64 + JsonStringBound(t.name.size()) + JsonStringBound(t.label.size()) + JsonStringBound(t.polarity.size());
  }
  return n;
}

char* WriteClaimJson(const Claim& claim, char* p) {
  p = PutStringField("{\"id\":", claim.id, p);
  p = PutStringField(",\"doc\":", claim.doc, p);
  p = PutStringField(",\"kind\":", ClaimKindName(claim.kind), p);
  p = PutStringField(",\"text\":", claim.text, p);
  p = Put(",\"span\":[", p);
  p = PutNumber(claim.span.begin, p);
  *p++ = ',';
  p = PutNumber(claim.span.end, p);
  *p++ = ']';
  p = PutStringField(",\"cue\":", claim.cue, p);
  const Speaker& speaker = claim.speaker;
  p = PutStringField(",\"speaker\":{\"name\":", speaker.name, p);
  p = PutStringField(",\"mention\":", speaker.mention, p);
  p = PutStringField(",\"type\":", EntityTypeName(speaker.type), p);
  if (!speaker.role.empty()) p = PutStringField(",\"role\":", speaker.role, p);
  if (!speaker.affiliation.empty()) p = PutStringField(",\"affiliation\":", speaker.affiliation, p);
  *p++ = '}';
  if (!claim.addressee.empty()) p = PutStringField(",\"addressee\":", claim.addressee, p);
  if (!claim.relayed_by.empty()) p = PutStringField(",\"relayed_by\":", claim.relayed_by, p);
  if (!claim.date.empty()) p = PutStringField(",\"date\":", claim.date, p);
  if (!claim.topics.empty()) {
    p = Put(",\"topics\":[", p);
    for (size_t i = 0; i < claim.topics.size(); ++i) {
      if (i > 0) *p++ = ',';
      p = PutStringField("{\"name\":", claim.topics[i].name, p);
      p = PutStringField(",\"label\":", claim.topics[i].label, p);
      p = PutStringField(",\"polarity\":", claim.topics[i].polarity, p);
      *p++ = '}';
    }
    *p++ = ']';
  }
  *p++ = '}';
  return p;
}

std::string ClaimToJson(const Claim& claim) {
  std::string out;
  AppendClaimJson(claim, &out);
  return out;
}

void AppendClaimJson(const Claim& claim, std::string* out) {
  const size_t old = out->size();
  out->resize(old + ClaimJsonBound(claim));
  char* const end = WriteClaimJson(claim, out->data() + old);
  out->resize(end - out->data());
}

}  // namespace claimgraph
