#include "kith/store/store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "kith/base/parallel.hpp"
#include "kith/store/beneath_temp.hpp"
#include "kith/model/config_file.hpp"
#include "kith/model/conflict.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/store/intent.hpp"
#include "kith/store/recovery.hpp"
#include "kith/store/store_copies.hpp"
#include "kith/store/store_index.hpp"
#include "kith/store/transaction.hpp"
#include "kith/model/layout.hpp"

namespace kith {
namespace fs = std::filesystem;
using beneath::Fd;
namespace {

bool has_config(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "kith.yaml", ec);
}

bool is_contact_name(const std::string& name) { return !name.starts_with('.') && name.ends_with(".yaml"); }

}  // namespace

FoundNetwork locate_network(const Whereabouts& where) {
    if (where.dir_option) {
        if (!has_config(*where.dir_option))
            fail_usage("no kith network in '" + *where.dir_option + "' (no kith.yaml there); run 'kith init " +
                       *where.dir_option + "'");
        return {*where.dir_option, FoundBy::dir_option};
    }
    if (where.kith_dir && !where.kith_dir->empty()) {
        if (!has_config(*where.kith_dir))
            fail_usage("no kith network in '" + *where.kith_dir + "' (from $KITH_DIR; no kith.yaml there); run 'kith init'");
        return {*where.kith_dir, FoundBy::kith_dir};
    }
    for (fs::path dir = fs::path(where.working_dir); !dir.empty(); dir = dir.parent_path()) {
        if (has_config(dir)) return {dir.string(), FoundBy::at_or_above};
        if (dir == dir.parent_path()) break;
    }
    if (has_config(where.data_home + "/kith")) return {where.data_home + "/kith", FoundBy::data_home};
    fail_usage("no kith network found: looked for kith.yaml in --dir, $KITH_DIR, '" + where.working_dir +
               "' and the folders above it, and '" + where.data_home + "/kith'; run 'kith init' to make one");
}

std::string find_network(const Whereabouts& where) { return locate_network(where).path; }

Config Store::load_config() const {
    if (!exists("kith.yaml")) return default_config();
    return parse_config(read("kith.yaml"), "kith.yaml");
}

Contact Store::load_contact(const std::string& path, const Config& config) const {
    Contact contact = parse_contact(read(path), path, config);
    const size_t slash = path.rfind('/');
    contact.slug = path.substr(slash + 1, path.size() - slash - 1 - 5);
    contact.archived = layout::in_archive(path);
    return contact;
}

std::optional<Contact> Store::read_conflicted(const std::string& path, const Config& config) const {
    try {
        return read_conflicted_contact(read(path), path, config);
    } catch (const Error&) {
        return std::nullopt;
    }
}

std::vector<Contact> Store::load_contacts(const std::vector<std::string>& paths, const Config& config) const {
    std::vector<Contact> contacts(paths.size());
    std::vector<std::optional<Error>> problems(paths.size());
    run_parallel(paths.size(), [&](size_t i) {
        try {
            contacts[i] = load_contact(paths[i], config);
        } catch (const Error& problem) {
            if (auto conflicted = read_conflicted(paths[i], config)) contacts[i] = std::move(*conflicted);
            else problems[i] = problem;
        }
    });
    for (auto& problem : problems)
        if (problem) throw *problem;
    return contacts;
}

std::optional<Contact> Store::load_by_slug(const std::string& slug, bool include_archived, const Config& config) const {
    if (slug.empty() || slug.starts_with('.') || slug.find_first_of(std::string_view("/\0", 2)) != std::string::npos)
        return std::nullopt;
    finish_pending_change();
    for (const bool archived : {false, true}) {
        if (archived && !include_archived) break;
        const std::string path = layout::person_path(slug, archived);
        if (!exists(path)) continue;
        if (conflict_copy_at(*this, path)) return std::nullopt;  // never a person
        try {
            return load_contact(path, config);
        } catch (const Error&) {
            return std::nullopt;  // resolved and reported as part of everyone, as before
        }
    }
    return std::nullopt;
}

namespace {

Contact contact_at(int folder, const std::string& path, const Config& config) {
    const std::string name = path.substr(path.find('/') + 1);
    Contact contact = parse_contact(beneath::read_in(folder, name, path, max_file_bytes), path, config);
    contact.slug = name.substr(0, name.size() - 5);
    contact.archived = layout::in_archive(path);
    return contact;
}

}  // namespace

// The contact files of the network, each stamped before it is read (a later change shows as a new stamp).
struct Store::Scan {
    std::vector<std::string> paths;
    std::vector<std::optional<FileStamp>> stamps;  // nullopt for a link: read through the resolver
    std::vector<int> folder_of;                    // each file's folder, opened once: reads go through it
    std::vector<Fd> folders;
};

void Store::finish_pending_change() const {
    // A change an earlier kith left half-done is finished before anything is read.
    if (!exists(intent::record_path) && !exists(intent::record_copy_path)) return;
    try {
        const WriteLock lock(root());
        finish_pending(*this);
    } catch (const Error& e) {  // a read-only folder still reads; the next writer finishes it
        if (e.kind() == ErrorKind::invalid) throw;  // a record refused, or a file it had to leave alone: say so
    }
}

Store::Scan Store::scan(bool include_archived) const {
    finish_pending_change();
    Scan found;
    for (const std::string folder : {layout::contacts, layout::archive}) {
        if (folder == layout::archive && !include_archived) continue;
        const beneath::Place at = beneath::place(root(), folder, true, false);
        found.folders.emplace_back(beneath::open_file(at, O_RDONLY | O_DIRECTORY));
        const auto entries = beneath::list_folder(root(), folder);
        const auto copies = copies_among(*this, folder, entries);  // never read as people
        for (const auto& [name, copy] : copies)
            if (notice_) notice_(conflict_copy_error(folder + "/" + name, folder + "/" + copy.original, copy));
        for (const auto& entry : entries) {
            if (!is_contact_name(entry.name)) continue;  // a folder named *.yaml is reported as one
            if (std::any_of(copies.begin(), copies.end(), [&](const auto& copy) { return copy.first == entry.name; })) continue;
            found.paths.push_back(folder + "/" + entry.name);
            found.folder_of.push_back(found.folders.back().get());
        }
    }
    // Stamped before anything is read (a later change shows as a new stamp), on all cores.
    found.stamps.resize(found.paths.size());
    run_parallel(found.paths.size(), [&](size_t i) {
        found.stamps[i] = beneath::stamp_in(found.folder_of[i], found.paths[i].substr(found.paths[i].find('/') + 1));
    });
    return found;
}

Network Store::read_network(bool include_archived, std::optional<Day> today, Want want) const {
    const Scan found = scan(include_archived);
    Network network{path(), load_config(), {}, {}};
    const std::vector<std::string>& paths = found.paths;
    const size_t n = paths.size();
    Index index(*this, network.config, include_archived);

    // Each person is read into their own place in network.contacts (one array of contacts, no
    // second copy); the places left empty are taken out at the end.
    std::vector<Contact>& contacts = network.contacts;
    contacts.resize(n);
    std::vector<char> present(n, 0);
    std::vector<const IndexRecord*> indexed(n, nullptr);
    std::vector<size_t> from_index;
    for (size_t i = 0; i < n; ++i) {
        indexed[i] = index.look_up(paths[i], found.stamps[i]);
        if (indexed[i] && (want == Want::names || (want == Want::summaries && Index::stands(indexed[i]->newest_entry, today))))
            from_index.push_back(i);
    }
    if (want == Want::names) {
        run_parallel(from_index.size(), [&](size_t k) {
            contacts[from_index[k]] = Index::names_of(*indexed[from_index[k]]);
            present[from_index[k]] = 1;
        });
    } else if (want == Want::summaries) {
        std::vector<const IndexRecord*> records;
        for (const size_t i : from_index) records.push_back(indexed[i]);
        index.read_summaries(records, [&](size_t k, std::optional<Contact> summary) {
            const size_t i = from_index[k];
            if (summary) {
                contacts[i] = std::move(*summary);
                present[i] = 1;
            } else {
                index.drop(*indexed[i]);  // its bytes did not check out: read and index the file again
                indexed[i] = nullptr;
            }
        });
    }

    // The rest are parsed on all cores; each one new or changed is summarized for the index at once,
    // and a summary that stands for the file is all that is kept of it.
    std::vector<size_t> to_parse;
    for (size_t i = 0; i < n; ++i)
        if (!present[i]) to_parse.push_back(i);
    std::vector<std::unique_ptr<NewSummary>> made(n);
    std::vector<std::unique_ptr<Error>> problems(n);
    run_parallel(to_parse.size(), [&](size_t k) {
        const size_t i = to_parse[k];
        try {
            // A regular file is read through its open folder; anything else (a link) through the resolver.
            contacts[i] = found.stamps[i] ? contact_at(found.folder_of[i], paths[i], network.config)
                                          : load_contact(paths[i], network.config);
            present[i] = 1;
            // contacts is not resized until the end: a summary may be the contact itself
            if (found.stamps[i] && !indexed[i])
                made[i] = Index::summarize(contacts[i], *found.stamps[i], want == Want::full, today);
        } catch (const Error& problem) {
            problems[i] = std::make_unique<Error>(problem);
            // a file in conflict is reported, and the person stays, as far as they can be read
            if (auto conflicted = read_conflicted(paths[i], network.config)) {
                contacts[i] = std::move(*conflicted);
                present[i] = 1;
            }
        }
    });

    // A file that does not read is never indexed: it is reported every time.
    for (size_t i = 0; i < n; ++i) {
        if (indexed[i] && problems[i]) index.drop(*indexed[i]);
        if (made[i]) index.record(*made[i]);
    }
    index.flush();

    size_t to = 0;
    for (size_t i = 0; i < n; ++i) {
        if (problems[i]) network.problems.push_back(std::move(*problems[i]));
        if (!present[i]) continue;
        if (to != i) contacts[to] = std::move(contacts[i]);
        ++to;
    }
    contacts.resize(to);
    return network;
}

void Store::complete_names(const std::function<void(std::string_view slug, std::string_view name)>& each) const {
    finish_pending_change();
    const Config config = load_config();
    const Index index(*this, config, false);
    if (!index.present()) {  // the first time: read everyone once, which writes the index
        for (const Contact& c : load_names(false).contacts) each(c.slug, c.name);
        return;
    }
    std::string path;
    const std::string contacts(layout::contacts);
    const auto entries = beneath::list_folder(root(), contacts);
    const auto copies = copies_among(*this, contacts, entries);  // never people
    for (const auto& entry : entries) {
        if (entry.folder || entry.name.starts_with('.') || !entry.name.ends_with(".yaml")) continue;
        if (std::any_of(copies.begin(), copies.end(), [&](const auto& copy) { return copy.first == entry.name; })) continue;
        path = layout::in_folder(contacts, entry.name);
        const std::string_view slug = std::string_view(entry.name).substr(0, entry.name.size() - 5);
        if (const IndexRecord* record = index.last_known(path)) {
            each(slug, record->name);
            continue;
        }
        try {  // new since the last kith, or not indexed (a link, a conflict): read it
            each(slug, load_contact(path, config).name);
        } catch (const Error&) {  // a file in conflict still completes; one that does not read at all does not
            if (auto conflicted = read_conflicted(path, config)) each(slug, conflicted->name);
        }
    }
}

Network Store::each_contact(bool include_archived, const std::function<void(std::vector<Contact>&)>& use,
                            const std::function<void(const Error&)>& report, const WantFile& want) const {
    const Scan found = scan(include_archived);
    Network network{path(), load_config(), {}, {}};
    std::vector<size_t> wanted;
    for (size_t i = 0; i < found.paths.size(); ++i)
        if (!want || want(found.paths[i], found.stamps[i])) wanted.push_back(i);
    constexpr size_t chunk = 512;
    for (size_t from = 0; from < wanted.size(); from += chunk) {
        const size_t n = std::min(chunk, wanted.size() - from);
        std::vector<std::optional<Contact>> contacts(n);
        std::vector<std::optional<Error>> problems(n);
        run_parallel(n, [&](size_t k) {
            const size_t i = wanted[from + k];
            try {
                contacts[k] = found.stamps[i] ? contact_at(found.folder_of[i], found.paths[i], network.config)
                                              : load_contact(found.paths[i], network.config);
            } catch (const Error& problem) {
                problems[k] = problem;
                // a file in conflict is reported, and the person stays, as far as they can be read
                contacts[k] = read_conflicted(found.paths[i], network.config);
            }
        });
        std::vector<Contact> read_now;
        for (size_t k = 0; k < n; ++k) {
            if (problems[k] && report) report(*problems[k]);
            if (problems[k]) network.problems.push_back(std::move(*problems[k]));
            if (contacts[k]) read_now.push_back(std::move(*contacts[k]));
        }
        use(read_now);
    }
    return network;
}

Network Store::load(bool include_archived, bool use_cache) const {
    if (!use_cache) {  // everything read afresh; the index is neither read nor written
        std::vector<Contact> all;
        Network network = each_contact(include_archived, [&](std::vector<Contact>& read_now) {
            for (auto& contact : read_now) all.push_back(std::move(contact));
        });
        network.contacts = std::move(all);
        return network;
    }
    return read_network(include_archived, std::nullopt, Want::full);
}

Network Store::load_summaries(bool include_archived, std::optional<Day> today) const {
    return read_network(include_archived, today, Want::summaries);
}

Network Store::load_names(bool include_archived) const { return read_network(include_archived, std::nullopt, Want::names); }

std::vector<Error> Store::strays() const {
    std::vector<Error> found;
    const auto temp_left = [&](const std::string& path) {
        found.emplace_back(ErrorKind::invalid, "a temp file left by an interrupted write; the next kith write removes it",
                           Location{path, 0, 0});
    };
    std::set<std::string> active;  // contact file names in contacts/: the same name in archive/ is one slug twice
    for (const std::string folder : {layout::contacts, layout::archive, layout::state}) {
        const auto entries = beneath::list_folder(root(), folder);
        for (const auto& entry : entries) {
            if (entry.folder || !is_contact_name(entry.name)) continue;
            if (folder == layout::contacts) active.insert(entry.name);
            else if (folder == layout::archive && active.count(entry.name))
                found.emplace_back(ErrorKind::invalid,
                                   "the slug '" + entry.name.substr(0, entry.name.size() - 5) + "' is also in " +
                                       layout::contacts + "/: the name finds " +
                                       layout::in_folder(layout::contacts, entry.name) + " and export --archived leaves this file out; "
                                   "merge the two files into one",
                                   Location{folder + "/" + entry.name, 0, 0});
        }
        std::vector<std::pair<std::string, ConflictCopy>> copies;
        if (folder != layout::state) {  // a write through a link puts its temp beside the target
            for (const auto& temp : beneath::temps_beside_link_targets(root(), folder, entries)) temp_left(temp);
            copies = copies_among(*this, folder, entries);
        }
        for (const auto& entry : entries) {
            const std::string path = folder + "/" + entry.name;
            const auto copy = std::find_if(copies.begin(), copies.end(), [&](const auto& c) { return c.first == entry.name; });
            if (copy != copies.end())
                found.push_back(conflict_copy_error(path, folder + "/" + copy->second.original, copy->second));
            else if (beneath::is_temp_name(folder, entry.name) && !entry.folder)
                temp_left(path);
            else if (const size_t kept = entry.name.find(layout::unfinished_suffix); kept != std::string::npos && !entry.folder)
                found.emplace_back(ErrorKind::invalid,
                                   "kith's version of a change it could not finish, since the file changed; merge what "
                                   "you want into " + folder + "/" + entry.name.substr(0, kept) + ", then delete this",
                                   Location{path, 0, 0});
            else if (folder == layout::state || entry.name.starts_with('.') || entry.name.ends_with(".yaml"))
                continue;  // the user's hidden files, kith's own cache, and what load() reports
            else if (entry.folder)
                found.emplace_back(ErrorKind::invalid, "is a folder; kith reads no folders inside " + folder + "/",
                                   Location{path, 0, 0});
            else if (!entry.name.ends_with(".yaml"))
                found.emplace_back(ErrorKind::invalid, "is not read: contact files end in '.yaml'", Location{path, 0, 0});
        }
    }
    return found;
}

std::vector<std::string> Store::edit_contacts(const std::vector<std::pair<std::string, Edit>>& edits,
                                              const Config& config) const {
    Transaction change(*this, config);
    for (const auto& [path, edit] : edits) change.edit(path, edit);
    return change.commit();
}

}  // namespace kith
