# Mieterportal BFF image. UNTESTED: no container engine runs where this project is built and tested
# (docs/operations.md). It only calls the commands the tests run as processes: db provision, db migrate, serve.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PUPPETEER_SKIP_DOWNLOAD=1 HOST=0.0.0.0 PORT=3000
COPY package.json package-lock.json ./
# The build needs the dev dependencies (vite); tsx, which runs the BFF, is a dependency.
RUN NODE_ENV=development npm ci --no-audit --no-fund
COPY . .
RUN npm run build
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "run", "serve"]
