#pragma once
// RFC 5322 drafts (.eml): a message to open in a mail client (`mutt -H FILE`) and send from there.
#include <string>
#include <vector>

namespace kith {

// One sender or recipient: a display name and an address (either may be empty).
struct Mailbox {
    std::string name;
    std::string address;
};

// A draft's text and what it had to leave out.
struct Draft {
    std::string text;
    std::vector<std::string> left_out;  // recipients without a usable address, by name
};

// Renders a draft: From (when `from` has an address), To, Subject, then MIME headers for a
// UTF-8 text body; no Date or Message-ID, which the client adds when it sends. A header text
// that is not plain ASCII, or holds a control character, is written as RFC 2047 encoded words
// (B), every line at most 78 characters; a display name with specials is quoted. The body is
// 8bit, or base64 when a line is longer than 998 bytes or it holds a CR or NUL. A recipient
// whose address is missing or not a plain ASCII address is left out, and named in left_out.
Draft render_draft(const Mailbox& from, const std::vector<Mailbox>& to, const std::string& subject,
                   const std::string& body);

}  // namespace kith
