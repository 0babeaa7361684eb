#!/bin/bash
# usage: startup.sh JAR LAYERS [extra java args...]  — wall time from `java -jar` to /health 200 and to the first site check answered
JAR=$1; LAYERS=$2; shift 2
PORT=$((20000 + RANDOM % 10000))
echo "loadavg start: $(cat /proc/loadavg)"
T0=$(date +%s.%N)
java "$@" -jar "$JAR" serve --port $PORT --layers "$LAYERS" --styles "${STYLES:-styles}" --web "${WEB:-web}" > ${TMPDIR:-/tmp}/serve-$PORT.log 2>&1 &
PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:$PORT/health)" = 200 ]; do sleep 0.05; kill -0 $PID 2>/dev/null || { echo died; cat ${TMPDIR:-/tmp}/serve-$PORT.log; exit 1; }; done
T1=$(date +%s.%N)
curl -s -o ${TMPDIR:-/tmp}/site-$PORT.json -w '%{http_code} ' -X POST --data '{"type":"Polygon","coordinates":[[[112.0,36.0],[112.01,36.0],[112.01,36.01],[112.0,36.01],[112.0,36.0]]]}' "localhost:$PORT/analysis/site-check?industry=pv"
T2=$(date +%s.%N)
CPU=$(awk '{print ($14+$15)/100}' /proc/$PID/stat)
# THREADS=1: CPU seconds per thread at that point (threads still alive), summed by name with trailing digits dropped
[ -n "$THREADS" ] && for t in /proc/$PID/task/*; do echo "$(cat $t/comm 2>/dev/null | sed -E 's/[#0-9-]+$//')|$(awk '{print ($14+$15)/100}' $t/stat 2>/dev/null)"; done \
  | awk -F'|' '{c[$1]+=$2} END {for (k in c) if (c[k] >= 0.05) printf "  %7.2f s  %s\n", c[k], k}' | sort -nr
[ -n "$JFR" ] && jcmd $PID JFR.dump name=1 filename=$JFR >/dev/null; jcmd $PID GC.run >/dev/null 2>&1; jcmd $PID GC.run >/dev/null 2>&1
HEAP=$(jcmd $PID GC.heap_info | awk '/garbage-first heap|used/ {for(i=1;i<=NF;i++) if($i=="used") {print $(i+1); exit}}')
RSS=$(grep VmRSS /proc/$PID/status | awk '{print $2}')
echo "health 200 after $(echo "$T1 - $T0" | bc) s; first site check answered after $(echo "$T2 - $T0" | bc) s; process CPU at that point ${CPU} s; heap after GC $HEAP; RSS $((RSS/1024)) MB"
grep -o "ready in [0-9.]* s" ${TMPDIR:-/tmp}/serve-$PORT.log
# AFTER=N: also the heap after GC and RSS N seconds after start (the tile warm-up starts 60 s after ready); HISTO=file: the class histogram then
if [ -n "$AFTER" ]; then
  sleep $(echo "$AFTER - ($(date +%s.%N) - $T0)" | bc | sed 's/^-.*/0/')
  jcmd $PID GC.run >/dev/null 2>&1; jcmd $PID GC.run >/dev/null 2>&1
  # HISTO=file: the class histogram (live objects) at that point
  [ -n "$HISTO" ] && jcmd $PID GC.class_histogram > "$HISTO" 2>&1
  HEAP=$(jcmd $PID GC.heap_info | awk '/garbage-first heap|used/ {for(i=1;i<=NF;i++) if($i=="used") {print $(i+1); exit}}')
  echo "at $(echo "$(date +%s.%N) - $T0" | bc | cut -c1-5) s: heap after GC $HEAP; RSS $(( $(grep VmRSS /proc/$PID/status | awk '{print $2}') / 1024 )) MB; process CPU $(awk '{print ($14+$15)/100}' /proc/$PID/stat) s; warm-up thread alive: $(grep -l tiles-warm-up /proc/$PID/task/*/comm 2>/dev/null | wc -l)"
fi
kill $PID; wait $PID 2>/dev/null
echo "loadavg end: $(cat /proc/loadavg)"
