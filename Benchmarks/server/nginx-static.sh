# Sourced by run.sh and cpu-per-request.sh: the nginx peer that serves the cached frame as a
# static file (2 workers, sendfile, no access log, keep-alive), the ceiling for a cached frame.
#
#   write_nginx_static_conf WORK PORT    writes WORK/nginx.conf serving WORK/www on 127.0.0.1:PORT
write_nginx_static_conf() {
    local work=$1 port=$2
    cat >"$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    types { image/png png; }
    server { listen 127.0.0.1:$port; root $work/www; etag on; }
}
CONF
}
