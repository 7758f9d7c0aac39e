/*
 * The floor of tongket's consolidation: the work no implementation can skip, done in plain C
 * with the same libraries tongket links (Debian's libyaml and libcmark). The benchmark prints
 * tongket's figures as ratios to this program's, so that "fast" means "close to the floor"
 * rather than "faster than last week".
 *
 *   floor yaml PATH...   every libyaml event of every .yaml file under PATH (files or folders)
 *   floor md FILE...     cmark_markdown_to_html over each Markdown file (tongket's output)
 *   floor rewrite DIR FILE...
 *                        each file read and written anew into DIR as tongket writes an output:
 *                        a temporary file, synchronised to the disk, renamed over the last copy.
 *                        The least a consolidation after one changed file must do, however it
 *                        is designed: its outputs are whole new files, not patched in place.
 *
 * Results go to stdout as one line of counts, so that the compiler cannot drop the work and the
 * script can check the floor read what tongket read.
 */
#define _XOPEN_SOURCE 700
#include <cmark.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

static unsigned long files, events, bytes_out;

/* Reads a whole file: both libraries are given the bytes in memory, as tongket gives them. */
static char *slurp(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
  fclose(f);
  buf[n] = 0;
  *size = (size_t)n;
  return buf;
}

static void parse_yaml(const char *path) {
  size_t size;
  char *buf = slurp(path, &size);
  yaml_parser_t parser;
  yaml_event_t event;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)buf, size);
  for (;;) {
    if (!yaml_parser_parse(&parser, &event)) {
      fprintf(stderr, "%s: libyaml: %s\n", path, parser.problem ? parser.problem : "?");
      exit(1);
    }
    int done = event.type == YAML_STREAM_END_EVENT;
    events++;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  free(buf);
  files++;
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st;
  (void)ftw;
  size_t n = strlen(path);
  if (type == FTW_F && n > 5 && strcmp(path + n - 5, ".yaml") == 0) parse_yaml(path);
  return 0;
}

static void render_md(const char *path) {
  size_t size;
  char *buf = slurp(path, &size);
  char *html = cmark_markdown_to_html(buf, size, CMARK_OPT_DEFAULT);
  bytes_out += strlen(html);
  free(html);
  free(buf);
  files++;
}

/* Writes `path`'s bytes to DIR/name through DIR/.name.tmp, synchronised before the rename. */
static void rewrite(const char *dir, const char *path) {
  size_t size;
  char *buf = slurp(path, &size);
  char *copy = strdup(path);
  char target[4096], temporary[4096];
  snprintf(target, sizeof target, "%s/%s", dir, basename(copy));
  snprintf(temporary, sizeof temporary, "%s/.%s.tmp", dir, basename(copy));
  int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) { perror(temporary); exit(2); }
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, buf + done, size - done);
    if (n <= 0) { perror(temporary); exit(2); }
    done += (size_t)n;
  }
  if (fsync(fd) != 0 || close(fd) != 0 || rename(temporary, target) != 0) { perror(target); exit(2); }
  bytes_out += size;
  free(copy);
  free(buf);
  files++;
}

int main(int argc, char **argv) {
  int known = argc >= 3 && (strcmp(argv[1], "yaml") == 0 || strcmp(argv[1], "md") == 0);
  if (!known && !(argc >= 4 && strcmp(argv[1], "rewrite") == 0)) {
    fprintf(stderr, "usage: floor yaml PATH... | floor md FILE... | floor rewrite DIR FILE...\n");
    return 2;
  }
  if (strcmp(argv[1], "rewrite") == 0) {
    for (int i = 3; i < argc; i++) rewrite(argv[2], argv[i]);
    printf("%lu files, %lu bytes written\n", files, bytes_out);
    return 0;
  }
  int yaml = strcmp(argv[1], "yaml") == 0;
  for (int i = 2; i < argc; i++) {
    if (yaml) {
      if (nftw(argv[i], visit, 16, FTW_PHYS) != 0) { perror(argv[i]); return 2; }
    } else {
      render_md(argv[i]);
    }
  }
  printf("%lu files, %lu events, %lu bytes of HTML\n", files, events, bytes_out);
  return 0;
}
