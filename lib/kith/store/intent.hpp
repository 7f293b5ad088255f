#pragma once
// The record of intent (.kith/intent): the renames and moves of one commit of several files,
// written whole and flushed before the first of them, so that the next kith can finish them.
// It also keeps what each target held before and will hold after, so that finishing never
// overwrites a file the user (or git) changed in between, and never takes a step whose staged
// text is gone for done. Each staged file and the record get a second name (a hard link): the
// staged files in .kith/ (staged-NAME), which `git clean` and `git stash -u` leave alone, and the
// record in .kith-intent, which survives deleting .kith/. A record only ever renames kith's own
// temp files onto contact files, or moves contact files (see refusal). Used by transaction.cpp
// and recovery.cpp; autocommit compares what files hold in state_of's form.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/beneath.hpp"

namespace kith {
class Folder;
}

namespace kith::intent {

// Where the record lives, relative to the network folder.
inline constexpr const char* record_path = layout::intent_record;
// Its second name, outside .kith/.
inline constexpr const char* record_copy_path = layout::intent_record_copy;

// The largest record kith reads.
inline constexpr size_t max_record_bytes = size_t{64} << 20;

// What a target holds: absent, or the size and hash of its bytes.
inline constexpr const char* absent = "-";

// One step of a commit: rename a temp file over a contact file ("replace") or onto a new one
// ("new"), move a contact file ("move"), or remove one ("remove": `from` is `to`, kith merge).
// `from` is the temp file as resolved (beside the target, which a link inside the folder may
// place elsewhere), or the file moved; `to` is the contact file as named (contacts/NAME.yaml or
// archive/NAME.yaml).
struct Step {
    std::string kind;
    std::string from, to;
    std::string before;  // what `to` held when planned (see state_of)
    std::string after;   // what it holds once done (a move: what `from` held); empty when unknown
};

// Returns what a file holds now, in the form Step::before keeps: `absent`, or its size and
// hash ("?" for what kith cannot read, which matches nothing recorded).
std::string state_of(const beneath::Root& root, const std::string& path);
// Returns the state of these bytes, as state_of gives it for a file holding them.
std::string state_of_bytes(std::string_view bytes);

// Returns the record's text: a header, one line per step, and a checksum.
std::string encode(const std::vector<Step>& steps);

// Reads a record (this version's, or the second one's, which kept no `after`); nullopt when
// it is damaged or of another version (kith writes its record whole: such a one is not kith's).
std::optional<std::vector<Step>> decode(const std::string& text);

// Returns why a step is none kith makes (nullopt when it is one): a replace or a new file
// renames kith's own temp file (".NAME.yaml.XXXXXX", beside the file it becomes) onto
// contacts/NAME.yaml or archive/NAME.yaml, which resolves to a *.yaml file in no hidden folder
// (never .git/ or .kith/) and, for a replace, held something known; a move moves such a
// contact file between those folders. What a repository brings is never obeyed.
std::optional<std::string> refusal(const beneath::Root& root, const Step& step);

// Writes the record of these steps, flushed, under both its names (a hard link, else a copy),
// once each step's staged file (its temp file, or the file a move moves) has its second name in
// .kith/ (staged_prefix; a hard link, flushed with the record; a file system without them keeps one name).
void write_record(const Folder& store, const beneath::Root& root, const std::vector<Step>& steps);

// Removes the record's names and the second names of its staged files; false when a name of
// the record is there still (errno set).
bool remove_record(const beneath::Root& root, const std::vector<Step>& steps);

// Applies one step of a commit being made; a step found done already is skipped. Never
// replaces a file on a "new" or "move" step. Flushes the folders it changed unless the caller
// flushes them after all its steps (`flush_folders` false).
void apply(const beneath::Root& root, const Step& step, bool flush_folders = true);

// Finishes one step of a record an earlier kith left, from its staged file or the second name
// of it, unless its target changed since it was planned: then the target is left as it is and
// the staged text is kept beside it (a move is not made). A step whose staged text is gone
// while its target still holds what it held is lost, and said. Returns an Error saying so,
// located at the file, or nullopt when the step is done.
std::optional<Error> finish(const beneath::Root& root, const Step& step);

}  // namespace kith::intent
