// The full build (with the template compiler) has the API of 'vue'.
declare module 'vue/dist/vue.esm-bundler.js' {
  export * from 'vue';
}
