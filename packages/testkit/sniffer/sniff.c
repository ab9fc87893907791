/*
 * An attacker's tool for Berth's tests: reads every packet on the host's
 * interfaces with a raw socket for a number of seconds and says whether any
 * packet held one of the needles. Needles come base64-encoded, so the words
 * searched for never travel in clear in the request that starts this task.
 *
 *   sniff SECONDS NEEDLE_BASE64...
 *
 * Prints "socket: <error>" and exits 2 when no raw socket may be opened;
 * otherwise "packets N bytes B" and one "found <i>: yes|no" line per needle.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

static int b64(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

static size_t decode(const char *in, unsigned char *out) {
  size_t n = 0;
  int bits = 0, acc = 0;
  for (; *in; in++) {
    int v = b64(*in);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (unsigned char)((acc >> bits) & 0xff);
    }
  }
  return n;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: sniff SECONDS NEEDLE_BASE64...\n");
    return 1;
  }
  int seconds = atoi(argv[1]);
  int needles = argc - 2;
  unsigned char *needle[64];
  size_t len[64];
  int found[64] = {0};
  if (needles > 64) needles = 64;
  for (int i = 0; i < needles; i++) {
    needle[i] = malloc(strlen(argv[i + 2]) + 1);
    len[i] = decode(argv[i + 2], needle[i]);
  }
  int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
  if (fd < 0) {
    printf("socket: %s\n", strerror(errno));
    fflush(stdout);
    return 2;
  }
  struct timeval tv = {0, 200000};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  static unsigned char buf[65536];
  long packets = 0, bytes = 0;
  time_t end = time(NULL) + seconds;
  while (time(NULL) < end) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) continue;
    packets++;
    bytes += n;
    for (int i = 0; i < needles; i++)
      if (!found[i] && len[i] > 0 && memmem(buf, (size_t)n, needle[i], len[i])) found[i] = 1;
  }
  printf("packets %ld bytes %ld\n", packets, bytes);
  for (int i = 0; i < needles; i++) printf("found %d: %s\n", i, found[i] ? "yes" : "no");
  fflush(stdout);
  return 0;
}
