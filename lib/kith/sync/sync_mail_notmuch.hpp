#pragma once
// The notmuch mail index, read through libnotmuch (issue 22, item 1): the adapter of sync_mail.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kith/sync/sync_mail.hpp"

struct _notmuch_database;

namespace kith {

// Where the notmuch database is, as the command layer found it the way notmuch does.
struct NotmuchPlace {
    std::string config;    // the config file; "" when there is none
    std::string database;  // $NOTMUCH_DATABASE; "" to take the config's (or notmuch's default)
    std::string looked;    // where the config was looked for, for the error message
};

// A notmuch database opened read-only.
class NotmuchIndex {
public:
    // Opens the database. Throws a usage Error naming where it looked when there is none.
    explicit NotmuchIndex(const NotmuchPlace& place);
    ~NotmuchIndex();
    NotmuchIndex(const NotmuchIndex&) = delete;
    NotmuchIndex& operator=(const NotmuchIndex&) = delete;
    // Returns the addresses the config gives as yours: user.primary_email and user.other_email.
    std::vector<std::string> my_addresses() const;
    // Reads the head of a message file (see sync_mail_head.hpp); nullopt when it cannot.
    using HeadReader = std::function<std::optional<std::string>(const std::string& path)>;
    // Calls `each` with every message dated from `first` to `last` (POSIX times) that is not
    // tagged spam or deleted, oldest first. The headers notmuch does not index are read from the
    // head `read_head` gives (a file's head only: libnotmuch would parse the whole message),
    // else through libnotmuch.
    void each_message(std::int64_t first, std::int64_t last, const HeadReader& read_head,
                      const std::function<void(const MailMessage&)>& each) const;

private:
    _notmuch_database* db_ = nullptr;
};

}  // namespace kith
