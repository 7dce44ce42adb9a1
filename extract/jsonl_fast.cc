#include "extract/jsonl_fast.h"

#include <cstdint>
#include <cstring>

#include "extract/utf8.h"

namespace claimgraph {
namespace {

class Decoder {
 public:
  explicit Decoder(std::string_view line) : s_(line) {}

  bool Object(FastArticleFields* f) {
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return End();
    for (;;) {
      std::string_view key;
      if (!Key(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      std::string* out = nullptr;
      bool* has = nullptr;
      unsigned bit = 0;
      if (key == "text") {
        out = &f->text, has = &f->has_text, bit = 1;
      } else if (key == "id") {
        out = &f->id, has = &f->has_id, bit = 2;
      } else if (key == "title") {
        out = &f->title, has = &f->has_title, bit = 4;
      } else if (key == "url") {
        out = &f->url, has = &f->has_url, bit = 8;
      } else if (key == "publisher") {
        out = &f->publisher, has = &f->has_publisher, bit = 16;
      } else if (key == "date") {
        out = &f->date, has = &f->has_date, bit = 32;
      }
      if (out != nullptr) {
        if (seen_ & bit) return false;  // given twice: left to the full parser
        seen_ |= bit;
        if (Peek() == '"') {
          ++p_;
          // The text is most of the line: decoded in place into room for
          // the rest of the line instead of a string grown run by run.
          if (!(bit == 1 ? TextString(out) : String(out))) return false;
          *has = true;
        } else if (!Literal("null")) {
          return false;
        }
      } else if (!SkipValue()) {
        return false;
      }
      SkipSpace();
      if (Eat('}')) return End();
      if (!Eat(',')) return false;
      SkipSpace();
    }
  }

 private:
  char Peek() const { return p_ < s_.size() ? s_[p_] : '\0'; }
  bool Eat(char c) {
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
  }
  bool End() {
    SkipSpace();
    return p_ == s_.size();
  }
  bool Literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }
  // A key without escapes.
  bool Key(std::string_view* key) {
    if (!Eat('"')) return false;
    const size_t begin = p_;
    while (p_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        *key = s_.substr(begin, p_ - begin);
        ++p_;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      ++p_;
    }
    return false;
  }
  bool SkipValue() {
    const char c = Peek();
    if (c == '"') {
      ++p_;
      return String(nullptr);
    }
    return Literal("null") || Literal("true") || Literal("false");
  }
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  // String(out) for a long string: decoded bytes never outnumber encoded
  // ones, so *out is sized to the rest of the line and written through a
  // pointer, plain bytes eight at a time (each block stored before it is
  // tested; only the bytes before its first quote, backslash or control
  // character are kept), then cut to what was written.
  bool TextString(std::string* out) {
    out->resize(s_.size() - p_);
    char* const base = out->data();
    char* d = base;
    const auto done = [&](bool ok) {
      out->resize(d - base);
      return ok;
    };
    for (;;) {
      while (p_ + 8 <= s_.size()) {
        uint64_t v;
        std::memcpy(&v, s_.data() + p_, 8);
        std::memcpy(d, &v, 8);
        const uint64_t special = JsonSpecialBytes(v, /*stop_high=*/false);
        if (special != 0) {
          const size_t plain = static_cast<size_t>(__builtin_ctzll(special)) >> 3;
          p_ += plain;
          d += plain;
          break;
        }
        p_ += 8;
        d += 8;
      }
      while (p_ < s_.size()) {
        const unsigned char c = static_cast<unsigned char>(s_[p_]);
        if (c == '"' || c == '\\' || c < 0x20) break;
        *d++ = static_cast<char>(c);
        ++p_;
      }
      if (p_ >= s_.size()) return done(false);
      const unsigned char c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        ++p_;
        return done(true);
      }
      if (c < 0x20) return done(false);  // a raw control character
      // An escape.
      if (p_ + 1 >= s_.size()) return done(false);
      const char e = s_[p_ + 1];
      p_ += 2;
      switch (e) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '/': *d++ = '/'; break;
        case 'b': *d++ = '\b'; break;
        case 'f': *d++ = '\f'; break;
        case 'n': *d++ = '\n'; break;
        case 'r': *d++ = '\r'; break;
        case 't': *d++ = '\t'; break;
        case 'u': {
          if (p_ + 4 > s_.size()) return done(false);
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            const int h = Hex(s_[p_ + k]);
            if (h < 0) return done(false);
            cp = cp * 16 + static_cast<unsigned>(h);
          }
          p_ += 4;
          if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return done(false);  // left to the full parser
          if (cp < 0x80) {
            *d++ = static_cast<char>(cp);
          } else if (cp < 0x800) {
            *d++ = static_cast<char>(0xC0 | (cp >> 6));
            *d++ = static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            *d++ = static_cast<char>(0xE0 | (cp >> 12));
            *d++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            *d++ = static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default:
          return done(false);
      }
    }
  }

  // The rest of a string after its opening quote, decoded into *out (when
  // not null).
  bool String(std::string* out) {
    if (out != nullptr) out->clear();
    for (;;) {
      // A run of plain bytes.
      const size_t q = SkipPlainJsonBytes(s_, p_, /*stop_high=*/false);
      if (out != nullptr) out->append(s_.data() + p_, q - p_);
      p_ = q;
      if (p_ >= s_.size()) return false;
      const unsigned char c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // a raw control character
      // An escape.
      if (p_ + 1 >= s_.size()) return false;
      const char e = s_[p_ + 1];
      p_ += 2;
      char decoded;
      switch (e) {
        case '"': decoded = '"'; break;
        case '\\': decoded = '\\'; break;
        case '/': decoded = '/'; break;
        case 'b': decoded = '\b'; break;
        case 'f': decoded = '\f'; break;
        case 'n': decoded = '\n'; break;
        case 'r': decoded = '\r'; break;
        case 't': decoded = '\t'; break;
        case 'u': {
          if (p_ + 4 > s_.size()) return false;
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            const int h = Hex(s_[p_ + k]);
            if (h < 0) return false;
            cp = cp * 16 + static_cast<unsigned>(h);
          }
          p_ += 4;
          if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // left to the full parser
          if (out != nullptr) {
            if (cp < 0x80) {
              out->push_back(static_cast<char>(cp));
            } else if (cp < 0x800) {
              out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
              out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            } else {
              out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
              out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
              out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            }
          }
          continue;
        }
        default:
          return false;
      }
      if (out != nullptr) out->push_back(decoded);
    }
  }

  std::string_view s_;
  size_t p_ = 0;
  unsigned seen_ = 0;  // bits of the keys of interest read so far
};

}  // namespace

bool DecodeArticleLine(std::string_view line, FastArticleFields* fields) {
  *fields = FastArticleFields();
  Decoder decoder(line);
  return decoder.Object(fields);
}

}  // namespace claimgraph
